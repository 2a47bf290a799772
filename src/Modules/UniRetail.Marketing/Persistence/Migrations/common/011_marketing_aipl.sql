-- AIPL (Aware, Interested, Purchased, Loyal) per person and category, kept by the profile projector in the same transaction
-- as its position (see docs/architecture.md, "Consumer assets"). One row per person, category and UTC day on which the
-- person did something that counts: which kinds of thing (a bit set: 1 exposure, 2 engagement, 4 purchase, 8 loyalty
-- signal), the purchase revenue of the day in minor units, and the event that put the highest kind there. The stage on any
-- date is computed from these rows and the tenant's windows, so time alone moves people without reading events again.
-- The brand as a whole is the category '*'.
CREATE TABLE marketing_aipl_day (
    tenant_id      TEXT     NOT NULL,
    category       TEXT     NOT NULL,
    day            INTEGER  NOT NULL,
    profile_id     TEXT     NOT NULL,
    kinds          INTEGER  NOT NULL,
    revenue_minor  BIGINT   NOT NULL,
    evidence       TEXT     NOT NULL,
    PRIMARY KEY (tenant_id, category, day, profile_id)
);
CREATE INDEX marketing_aipl_day_profile ON marketing_aipl_day (tenant_id, profile_id);

-- A tenant's AIPL rules (windows, event-to-stage mapping, loyalty rule) as JSON; no row means the defaults.
CREATE TABLE marketing_aipl_rules (
    tenant_id      TEXT    NOT NULL PRIMARY KEY,
    rules          TEXT    NOT NULL,
    updated_at_ms  BIGINT  NOT NULL
);

-- Daily counts per stage, kept for history: only counts, so erasing a person later leaves no trace of them here.
CREATE TABLE marketing_aipl_snapshot (
    tenant_id      TEXT     NOT NULL,
    category       TEXT     NOT NULL,
    day            INTEGER  NOT NULL,
    aware          BIGINT   NOT NULL,
    interested     BIGINT   NOT NULL,
    purchased      BIGINT   NOT NULL,
    loyal          BIGINT   NOT NULL,
    left_out       BIGINT   NOT NULL,
    taken_at_ms    BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, category, day)
);
