-- Stock alerts (levels whose shelf stock is below their safety stock) read only the levels that have a safety stock:
-- a partial index keeps that read proportional to those levels, not to the tenant's whole stock table.
CREATE INDEX inventory_stock_level_safety ON inventory_stock_level (tenant_id, sku, location_id) WHERE safety_stock > 0;
