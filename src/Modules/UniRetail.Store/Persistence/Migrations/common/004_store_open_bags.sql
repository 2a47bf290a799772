-- A store's open bags, newest first (GET /api/bags?storeId=): a bag lives a fixed time from its start, so the open ones
-- are a range of this index (started in the last lifetime) and the list never walks the store's old bags.
CREATE INDEX store_bag_open ON store_bag (tenant_id, store_id, status, started_at_ms, bag_id);
