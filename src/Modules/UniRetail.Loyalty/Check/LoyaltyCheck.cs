using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Check;

/// <summary>An account (member or gift card) whose balance differs from its entries or its lots.</summary>
internal sealed record LoyaltyMismatch
{
    public string TenantId { get; init; } = "";
    public string AccountId { get; init; } = "";
    public long PointsAvailable { get; init; }
    public long LedgerPoints { get; init; }
    public long LotPoints { get; init; }
    public long PointsPending { get; init; }
    public long LedgerPending { get; init; }
    public long LotPending { get; init; }
    public long Value { get; init; }
    public long LedgerValue { get; init; }
}

internal sealed record LoyaltyCheckView(bool Consistent, long AccountsChecked, long GiftCardsChecked, long NegativeBalances, IReadOnlyList<LoyaltyMismatch> Mismatches);

/// <summary>
/// The loyalty ledger check, like the stock ledger's: every member account's available points, pending points and wallet equal
/// the sums of its entries, its available and pending points equal its released and pending lots, and every gift card's
/// balance equals its entries. A null caller checks every tenant (the CLI).
/// </summary>
internal sealed class LoyaltyCheck(Database database)
{
    public const int MaxListed = 100;

    /// <summary>How many of the tenant's member accounts hold each tier (no tier: null).</summary>
    public Task<IReadOnlyList<(string? Tier, long Members)>> TiersAsync(TenantId tenant, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<(string? Tier, long Members)>>(async c =>
            (await c.QueryAsync<(string?, long)>(
                "SELECT tier, COUNT(*) FROM loyalty_account WHERE tenant_id = @Tenant GROUP BY tier ORDER BY COUNT(*) DESC, tier",
                new { Tenant = tenant.Value })).ToList(), ct);

    public Task<LoyaltyCheckView> VerifyAsync(Caller? caller, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var args = new { Tenant = caller?.Tenant.Value, Limit = MaxListed };
            var accounts = (await c.QueryAsync<LoyaltyMismatch>(
                """
                SELECT a.tenant_id AS TenantId, a.member_id AS AccountId, a.points_available AS PointsAvailable, COALESCE(l.p, 0) AS LedgerPoints, COALESCE(t.avail, 0) AS LotPoints,
                       a.points_pending AS PointsPending, COALESCE(l.q, 0) AS LedgerPending, COALESCE(t.pend, 0) AS LotPending,
                       a.wallet_minor AS Value, COALESCE(l.v, 0) AS LedgerValue
                FROM loyalty_account a
                LEFT JOIN (SELECT tenant_id, account_id, CAST(SUM(points_delta) AS BIGINT) AS p, CAST(SUM(pending_delta) AS BIGINT) AS q, CAST(SUM(value_delta) AS BIGINT) AS v
                           FROM loyalty_ledger WHERE (@Tenant IS NULL OR tenant_id = @Tenant) GROUP BY tenant_id, account_id) l
                       ON l.tenant_id = a.tenant_id AND l.account_id = a.member_id
                LEFT JOIN (SELECT tenant_id, member_id,
                                  CAST(SUM(CASE WHEN status = 'released' THEN remaining ELSE 0 END) AS BIGINT) AS avail,
                                  CAST(SUM(CASE WHEN status = 'pending' THEN remaining ELSE 0 END) AS BIGINT) AS pend
                           FROM loyalty_lot WHERE (@Tenant IS NULL OR tenant_id = @Tenant) GROUP BY tenant_id, member_id) t
                       ON t.tenant_id = a.tenant_id AND t.member_id = a.member_id
                WHERE (@Tenant IS NULL OR a.tenant_id = @Tenant)
                  AND (a.points_available <> COALESCE(l.p, 0) OR a.points_pending <> COALESCE(l.q, 0) OR a.wallet_minor <> COALESCE(l.v, 0)
                       OR a.points_available <> COALESCE(t.avail, 0) OR a.points_pending <> COALESCE(t.pend, 0))
                LIMIT @Limit
                """, args)).AsList();
            var cards = (await c.QueryAsync<LoyaltyMismatch>(
                """
                SELECT g.tenant_id AS TenantId, g.gift_card_id AS AccountId, CAST(0 AS BIGINT) AS PointsAvailable, CAST(0 AS BIGINT) AS LedgerPoints, CAST(0 AS BIGINT) AS LotPoints, CAST(0 AS BIGINT) AS PointsPending,
                       CAST(0 AS BIGINT) AS LedgerPending, CAST(0 AS BIGINT) AS LotPending, g.balance_minor AS Value, COALESCE(l.v, 0) AS LedgerValue
                FROM loyalty_gift_card g
                LEFT JOIN (SELECT tenant_id, account_id, CAST(SUM(value_delta) AS BIGINT) AS v FROM loyalty_ledger
                           WHERE (@Tenant IS NULL OR tenant_id = @Tenant) GROUP BY tenant_id, account_id) l
                       ON l.tenant_id = g.tenant_id AND l.account_id = g.gift_card_id
                WHERE (@Tenant IS NULL OR g.tenant_id = @Tenant) AND g.balance_minor <> COALESCE(l.v, 0)
                LIMIT @Limit
                """, args)).AsList();
            var counts = await c.QuerySingleAsync<(long, long, long)>(
                """
                SELECT (SELECT COUNT(*) FROM loyalty_account WHERE (@Tenant IS NULL OR tenant_id = @Tenant)),
                       (SELECT COUNT(*) FROM loyalty_gift_card WHERE (@Tenant IS NULL OR tenant_id = @Tenant)),
                       (SELECT COUNT(*) FROM loyalty_account WHERE (@Tenant IS NULL OR tenant_id = @Tenant) AND (points_available < 0 OR points_pending < 0 OR wallet_minor < 0))
                       + (SELECT COUNT(*) FROM loyalty_gift_card WHERE (@Tenant IS NULL OR tenant_id = @Tenant) AND balance_minor < 0)
                """, args);
            var mismatches = accounts.Concat(cards).ToList();
            return new LoyaltyCheckView(mismatches.Count == 0 && counts.Item3 == 0, counts.Item1, counts.Item2, counts.Item3, mismatches);
        }, ct);
}
