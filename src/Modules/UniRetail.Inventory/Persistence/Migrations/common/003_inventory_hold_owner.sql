-- A hold names its owner: an order (moved only by the order's verbs) or a cart (moved through the inventory API).
-- Until now the owner was guessed from the reference's 'ord_' prefix; existing rows keep that reading, made exact
-- by the shape of an order id ('ord_' and 32 hex digits).
ALTER TABLE inventory_reservation ADD COLUMN owner_kind TEXT NOT NULL DEFAULT 'cart';
UPDATE inventory_reservation SET owner_kind = 'order' WHERE substr(reference, 1, 4) = 'ord_' AND length(reference) = 36;
DROP INDEX inventory_reservation_reference;
CREATE INDEX inventory_reservation_reference ON inventory_reservation (tenant_id, owner_kind, reference, reservation_id);

-- One row per cart reference, claimed in the write that takes its holds: a retried request finds the claim and
-- answers the existing hold (same lines) or a conflict (other lines) instead of holding twice. It records who holds
-- the cart: the tenant, and the store of a store_staff key.
CREATE TABLE inventory_cart (
    tenant_id        TEXT    NOT NULL,
    reference        TEXT    NOT NULL,
    request_hash     TEXT    NOT NULL,
    holder_store_id  TEXT    NULL,
    expires_at_ms    BIGINT  NULL,
    created_at_ms    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, reference)
);
-- Carts held before claims existed: no hash matches theirs, so a retry with their reference is a conflict.
INSERT INTO inventory_cart (tenant_id, reference, request_hash, holder_store_id, expires_at_ms, created_at_ms)
SELECT tenant_id, reference, '', NULL, MAX(expires_at_ms), MIN(created_at_ms)
FROM inventory_reservation WHERE owner_kind = 'cart'
GROUP BY tenant_id, reference;
