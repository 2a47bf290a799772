-- A member code issued by the app; used_at_ms set once, by the conditional update of the one scan that wins.
CREATE TABLE store_member_code (
    tenant_id      TEXT    NOT NULL,
    code_id        TEXT    NOT NULL,
    member_id      TEXT    NOT NULL,
    wallet         INTEGER NOT NULL,
    issued_at_ms   BIGINT  NOT NULL,
    expires_at_ms  BIGINT  NOT NULL,
    used_at_ms     BIGINT  NULL,
    used_store_id  TEXT    NULL,
    PRIMARY KEY (tenant_id, code_id)
);
CREATE INDEX store_member_code_member ON store_member_code (tenant_id, member_id, expires_at_ms);

-- A till's session from its opening float to its Z report. The partial unique index lets one session per till be open,
-- however many opens race for it.
CREATE TABLE store_till_session (
    tenant_id       TEXT    NOT NULL,
    session_id      TEXT    NOT NULL,
    store_id        TEXT    NOT NULL,
    till_id         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    float_minor     BIGINT  NOT NULL,
    opened_at_ms    BIGINT  NOT NULL,
    opened_by       TEXT    NOT NULL,
    closed_at_ms    BIGINT  NULL,
    closed_by       TEXT    NULL,
    counted_minor   BIGINT  NULL,
    z_report_json   TEXT    NULL,
    PRIMARY KEY (tenant_id, session_id)
);
CREATE UNIQUE INDEX store_till_session_open ON store_till_session (tenant_id, store_id, till_id) WHERE status = 'open';
CREATE INDEX store_till_session_till ON store_till_session (tenant_id, store_id, till_id, opened_at_ms);

-- Cash put into or taken out of a drawer during a session (change brought in, a safe drop). The reference makes a retry
-- of the same movement a no-op.
CREATE TABLE store_cash_movement (
    tenant_id     TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    reference     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    amount_minor  BIGINT  NOT NULL,
    reason        TEXT    NULL,
    at_ms         BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, session_id, reference)
);

-- What a till sold or refunded in a session, one row per sale and per payment type; the X and Z reports add these up.
CREATE TABLE store_till_sale (
    tenant_id         TEXT    NOT NULL,
    session_id        TEXT    NOT NULL,
    sale_id           TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    gross_minor       BIGINT  NOT NULL,
    discount_minor    BIGINT  NOT NULL,
    points_redeemed   BIGINT  NOT NULL,
    points_earned     BIGINT  NOT NULL,
    at_ms             BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, session_id, sale_id)
);

CREATE TABLE store_till_payment (
    tenant_id     TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    sale_id       TEXT    NOT NULL,
    payment_type  TEXT    NOT NULL,
    amount_minor  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, session_id, sale_id, payment_type)
);
