-- Order lists filtered by store and status (the store desk's queues, GET /api/orders?storeId=&status=) and by status
-- alone read newest first by order id: without these a filter that matches few of a tenant's orders walked every order
-- from the newest back (12 s for a store's queues at 1 M orders).
CREATE INDEX orders_order_store_status ON orders_order (tenant_id, store_id, status, order_id);
CREATE INDEX orders_order_status ON orders_order (tenant_id, status, order_id);
