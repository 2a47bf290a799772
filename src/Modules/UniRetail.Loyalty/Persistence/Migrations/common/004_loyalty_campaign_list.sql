-- The tenant's coupon campaigns newest first, a page at a time (GET /api/loyalty/coupon-campaigns): read in index order.
CREATE INDEX loyalty_coupon_campaign_created ON loyalty_coupon_campaign (tenant_id, created_at_ms, campaign_id);
