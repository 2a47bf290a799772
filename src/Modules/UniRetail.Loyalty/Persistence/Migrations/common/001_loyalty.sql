-- One program per tenant, stored as the validated JSON the API answers with.
CREATE TABLE loyalty_program (
    tenant_id      TEXT    NOT NULL,
    program_json   TEXT    NOT NULL,
    version        BIGINT  NOT NULL,
    updated_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- One account per member. Balances equal the sums of the account's ledger entries (the loyalty check), and the CHECK is
-- the last line of defence against double spend: no code path can take a balance below zero.
CREATE TABLE loyalty_account (
    tenant_id            TEXT    NOT NULL,
    member_id            TEXT    NOT NULL,
    currency             TEXT    NOT NULL,
    points_available     BIGINT  NOT NULL DEFAULT 0,
    points_pending       BIGINT  NOT NULL DEFAULT 0,
    wallet_minor         BIGINT  NOT NULL DEFAULT 0,
    tier                 TEXT    NULL,
    tier_until_ms        BIGINT  NULL,
    birthday             TEXT    NULL,
    birthday_bonus_year  INTEGER NULL,
    purchases            BIGINT  NOT NULL DEFAULT 0,
    status               TEXT    NOT NULL,
    merged_into          TEXT    NULL,
    created_at_ms        BIGINT  NOT NULL,
    updated_at_ms        BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    CHECK (points_available >= 0 AND points_pending >= 0 AND wallet_minor >= 0)
);
CREATE INDEX loyalty_account_tier_until ON loyalty_account (tier_until_ms);

-- Points by earn lot: a lot is pending until its release, then spendable until it expires; spending takes the lots
-- that expire first. Released lots' remaining points sum to the account's available points, pending lots' to its pending.
CREATE TABLE loyalty_lot (
    tenant_id      TEXT    NOT NULL,
    lot_id         TEXT    NOT NULL,
    member_id      TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    reference      TEXT    NULL,
    points         BIGINT  NOT NULL,
    remaining      BIGINT  NOT NULL,
    status         TEXT    NOT NULL,
    earned_at_ms   BIGINT  NOT NULL,
    release_at_ms  BIGINT  NOT NULL,
    expires_at_ms  BIGINT  NULL,
    PRIMARY KEY (tenant_id, lot_id),
    CHECK (remaining >= 0 AND remaining <= points)
);
CREATE INDEX loyalty_lot_member ON loyalty_lot (tenant_id, member_id, status, expires_at_ms);
CREATE INDEX loyalty_lot_release ON loyalty_lot (status, release_at_ms);
CREATE INDEX loyalty_lot_expiry ON loyalty_lot (status, expires_at_ms);

-- A purchase that earned (or could have earned) points, by the order's reference; its lines for returns to claw back.
CREATE TABLE loyalty_purchase (
    tenant_id       TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    member_id       TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    store_id        TEXT    NULL,
    net_minor       BIGINT  NOT NULL,
    returned_minor  BIGINT  NOT NULL DEFAULT 0,
    points          BIGINT  NOT NULL,
    bonus_points    BIGINT  NOT NULL,
    lot_id          TEXT    NULL,
    at_ms           BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, reference),
    CHECK (returned_minor >= 0 AND returned_minor <= net_minor)
);
CREATE INDEX loyalty_purchase_member ON loyalty_purchase (tenant_id, member_id, at_ms);

CREATE TABLE loyalty_purchase_line (
    tenant_id       TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    line_id         TEXT    NOT NULL,
    sku             TEXT    NOT NULL,
    category        TEXT    NULL,
    net_minor       BIGINT  NOT NULL,
    points          BIGINT  NOT NULL,
    returned_minor  BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, reference, line_id),
    CHECK (returned_minor >= 0 AND returned_minor <= net_minor)
);

-- What an order (reference) paid with points, wallet or a gift card, and how much of it was refunded since.
CREATE TABLE loyalty_redemption (
    tenant_id     TEXT    NOT NULL,
    reference     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    account_id    TEXT    NOT NULL,
    amount        BIGINT  NOT NULL,
    value_minor   BIGINT  NOT NULL,
    basket_minor  BIGINT  NOT NULL,
    refunded      BIGINT  NOT NULL DEFAULT 0,
    at_ms         BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, reference, kind),
    CHECK (refunded >= 0 AND refunded <= amount)
);

CREATE TABLE loyalty_return (
    tenant_id              TEXT    NOT NULL,
    return_ref             TEXT    NOT NULL,
    order_ref              TEXT    NOT NULL,
    member_id              TEXT    NOT NULL,
    result_json            TEXT    NOT NULL,
    at_ms                  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, return_ref)
);

-- One visit bonus per member, store and local day.
CREATE TABLE loyalty_visit (
    tenant_id   TEXT    NOT NULL,
    member_id   TEXT    NOT NULL,
    store_id    TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    points      BIGINT  NOT NULL,
    at_ms       BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, member_id, store_id, day)
);

CREATE TABLE loyalty_coupon_campaign (
    tenant_id          TEXT    NOT NULL,
    campaign_id        TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    promotion_id       TEXT    NOT NULL,
    currency           TEXT    NOT NULL,
    starts_at_ms       BIGINT  NOT NULL,
    ends_at_ms         BIGINT  NOT NULL,
    min_spend_minor    BIGINT  NOT NULL,
    channels           TEXT    NULL,
    store_ids          TEXT    NULL,
    total_limit        BIGINT  NULL,
    per_member_limit   BIGINT  NULL,
    used               BIGINT  NOT NULL DEFAULT 0,
    issued             BIGINT  NOT NULL DEFAULT 0,
    external_ref       TEXT    NULL,
    created_at_ms      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, campaign_id),
    CHECK (used >= 0 AND (total_limit IS NULL OR used <= total_limit))
);
CREATE UNIQUE INDEX loyalty_coupon_campaign_external ON loyalty_coupon_campaign (tenant_id, external_ref);

-- A code: issued to one member for one use (single-use campaigns), or shared by everyone (campaign codes, max_uses NULL).
CREATE TABLE loyalty_coupon_code (
    tenant_id     TEXT    NOT NULL,
    code          TEXT    NOT NULL,
    campaign_id   TEXT    NOT NULL,
    member_id     TEXT    NULL,
    max_uses      BIGINT  NULL,
    used          BIGINT  NOT NULL DEFAULT 0,
    issued_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, code),
    CHECK (used >= 0 AND (max_uses IS NULL OR used <= max_uses))
);
CREATE INDEX loyalty_coupon_code_member ON loyalty_coupon_code (tenant_id, member_id);
CREATE INDEX loyalty_coupon_code_campaign ON loyalty_coupon_code (tenant_id, campaign_id);

CREATE TABLE loyalty_coupon_member_use (
    tenant_id    TEXT    NOT NULL,
    campaign_id  TEXT    NOT NULL,
    member_id    TEXT    NOT NULL,
    uses         BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, campaign_id, member_id)
);

-- A use of a code by a reference (an order); reversed when the order is returned whole or cancelled.
CREATE TABLE loyalty_coupon_use (
    tenant_id    TEXT    NOT NULL,
    reference    TEXT    NOT NULL,
    code         TEXT    NOT NULL,
    campaign_id  TEXT    NOT NULL,
    member_id    TEXT    NULL,
    status       TEXT    NOT NULL,
    used_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, reference, code)
);
CREATE INDEX loyalty_coupon_use_campaign ON loyalty_coupon_use (tenant_id, campaign_id, used_at_ms);

-- Gift cards are stored-value accounts of their own, found by code; their entries sit in the same ledger.
CREATE TABLE loyalty_gift_card (
    tenant_id      TEXT    NOT NULL,
    gift_card_id   TEXT    NOT NULL,
    code           TEXT    NOT NULL,
    currency       TEXT    NOT NULL,
    balance_minor  BIGINT  NOT NULL,
    issued_minor   BIGINT  NOT NULL,
    issued_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, gift_card_id),
    CHECK (balance_minor >= 0)
);
CREATE UNIQUE INDEX loyalty_gift_card_code ON loyalty_gift_card (tenant_id, code);
