-- Orders pay with benefits: the pricing the promotions engine gave the order, and what it paid with from loyalty.
-- A line's net is quantity × unit price − discount; promotions holds the line's applied promotions as JSON
-- ([{"promotionId","code","name","amountMinor"}]), NULL when none applied.
ALTER TABLE orders_line ADD COLUMN discount_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_line ADD COLUMN promotions TEXT NULL;

-- What the order paid with from the member's benefits (the Loyalty ledger holds the entries; this is the order's copy),
-- and the pending points it earned.
ALTER TABLE orders_order ADD COLUMN discount_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_order ADD COLUMN coupon_code TEXT NULL;
ALTER TABLE orders_order ADD COLUMN points_redeemed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_order ADD COLUMN points_value_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_order ADD COLUMN wallet_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_order ADD COLUMN gift_card_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders_order ADD COLUMN points_earned BIGINT NOT NULL DEFAULT 0;

-- The order's discounts by promotion (the basket summary of the pricing), one row per applied promotion.
CREATE TABLE orders_discount (
    tenant_id     TEXT    NOT NULL,
    order_id      TEXT    NOT NULL,
    promotion_id  TEXT    NOT NULL,
    code          TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    amount_minor  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, order_id, promotion_id)
);
