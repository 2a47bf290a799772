-- The shop's order list (GET /api/shop-orders) reads a shop's orders newest first from a keyset position: in index order,
-- so a page costs its rows, not a sort of every order the shop placed.
CREATE INDEX network_shop_order_list ON network_shop_order (shop_id, placed_at_ms, order_id);
