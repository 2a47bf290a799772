using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Persistence;

internal sealed class PurchaseRow
{
    public string Reference { get; init; } = "";
    public string MemberId { get; init; } = "";
    public long NetMinor { get; init; }
    public long ReturnedMinor { get; init; }
    public long Points { get; init; }
    public long BonusPoints { get; init; }
    public int? BirthdayBonusYear { get; init; }
    public string? LotId { get; init; }
    public long AtMs { get; init; }
}

internal sealed class PurchaseLineRow
{
    public string LineId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Category { get; init; }
    public long NetMinor { get; init; }
    public long Points { get; init; }
    public long ReturnedMinor { get; init; }
}

internal sealed class RedemptionRow
{
    public string Kind { get; init; } = "";
    public string AccountId { get; init; } = "";
    public long Amount { get; init; }
    public long ValueMinor { get; init; }
    public long BasketMinor { get; init; }
    public long Refunded { get; init; }
}

/// <summary>Purchases (what earned), redemptions (what paid), returns and visits: each keyed by the caller's reference, so a retry finds it.</summary>
internal sealed class PurchaseStore
{
    /// <summary>Claims the reference for a purchase; false when it was claimed before (a retry).</summary>
    public async Task<bool> TryInsertAsync(DbSession session, TenantId tenant, string reference, MemberId member, string channel, string? store, long netMinor, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_purchase (tenant_id, reference, member_id, channel, store_id, net_minor, points, bonus_points, at_ms)
            VALUES (@Tenant, @Reference, @Member, @Channel, @Store, @Net, 0, 0, @At) ON CONFLICT (tenant_id, reference) DO NOTHING
            """,
            new { Tenant = tenant.Value, Reference = reference, Member = member.Value, Channel = channel, Store = store, Net = netMinor, At = atMs },
            session.Transaction) == 1;

    public Task SetEarnedAsync(DbSession session, TenantId tenant, string reference, long points, long bonus, int? birthdayBonusYear, string? lot) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_purchase SET points = @Points, bonus_points = @Bonus, birthday_bonus_year = @Year, lot_id = @Lot
            WHERE tenant_id = @Tenant AND reference = @Reference
            """,
            new { Tenant = tenant.Value, Reference = reference, Points = points, Bonus = bonus, Year = birthdayBonusYear, Lot = lot }, session.Transaction);

    public Task InsertLinesAsync(DbSession session, TenantId tenant, string reference, IEnumerable<PurchaseLineRow> lines) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO loyalty_purchase_line (tenant_id, reference, line_id, sku, category, net_minor, points)
            VALUES (@Tenant, @Reference, @Line, @Sku, @Category, @Net, @Points)
            """,
            ["Tenant", "Reference", "Line", "Sku", "Category", "Net", "Points"],
            lines.Select(l => new object?[] { tenant.Value, reference, l.LineId, l.Sku, l.Category, l.NetMinor, l.Points }));

    public Task<PurchaseRow?> FindAsync(DbConnection connection, TenantId tenant, string reference, DbTransaction? transaction) =>
        connection.QuerySingleOrDefaultAsync<PurchaseRow>(
            """
            SELECT reference AS Reference, member_id AS MemberId, net_minor AS NetMinor, returned_minor AS ReturnedMinor, points AS Points,
                   bonus_points AS BonusPoints, birthday_bonus_year AS BirthdayBonusYear, lot_id AS LotId, at_ms AS AtMs
            FROM loyalty_purchase WHERE tenant_id = @Tenant AND reference = @Reference
            """,
            new { Tenant = tenant.Value, Reference = reference }, transaction);

    public async Task<IReadOnlyList<PurchaseLineRow>> LinesAsync(DbSession session, TenantId tenant, string reference) =>
        (await session.Connection.QueryAsync<PurchaseLineRow>(
            """
            SELECT line_id AS LineId, sku AS Sku, category AS Category, net_minor AS NetMinor, points AS Points, returned_minor AS ReturnedMinor
            FROM loyalty_purchase_line WHERE tenant_id = @Tenant AND reference = @Reference
            """,
            new { Tenant = tenant.Value, Reference = reference }, session.Transaction)).AsList();

    /// <summary>Records an amount of a line returned, and the points it took back; false when more would be returned than is left.</summary>
    public async Task<bool> ReturnLineAsync(DbSession session, TenantId tenant, string reference, string line, long amountMinor, long points) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_purchase_line SET returned_minor = returned_minor + @Amount
            WHERE tenant_id = @Tenant AND reference = @Reference AND line_id = @Line AND returned_minor + @Amount <= net_minor
            """,
            new { Tenant = tenant.Value, Reference = reference, Line = line, Amount = amountMinor }, session.Transaction) == 1
        && await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_purchase SET returned_minor = returned_minor + @Amount, points = points - @Points
            WHERE tenant_id = @Tenant AND reference = @Reference
            """,
            new { Tenant = tenant.Value, Reference = reference, Amount = amountMinor, Points = points }, session.Transaction) == 1;

    public Task ReassignAsync(DbSession session, TenantId tenant, MemberId from, MemberId to) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_purchase SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From;
            UPDATE loyalty_redemption SET account_id = @To WHERE tenant_id = @Tenant AND account_id = @From;
            UPDATE loyalty_return SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From;
            """,
            new { Tenant = tenant.Value, From = from.Value, To = to.Value }, session.Transaction);

    /// <summary>Claims (reference, kind) for a redemption; false when the reference already paid with this kind.</summary>
    public async Task<bool> TryRedeemAsync(DbSession session, TenantId tenant, string reference, string kind, string account, long amount, long valueMinor, long basketMinor, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_redemption (tenant_id, reference, kind, account_id, amount, value_minor, basket_minor, at_ms)
            VALUES (@Tenant, @Reference, @Kind, @Account, @Amount, @Value, @Basket, @At) ON CONFLICT (tenant_id, reference, kind) DO NOTHING
            """,
            new { Tenant = tenant.Value, Reference = reference, Kind = kind, Account = account, Amount = amount, Value = valueMinor, Basket = basketMinor, At = atMs },
            session.Transaction) == 1;

    public async Task<IReadOnlyList<RedemptionRow>> RedemptionsAsync(DbConnection connection, TenantId tenant, string reference, DbTransaction? transaction) =>
        (await connection.QueryAsync<RedemptionRow>(
            """
            SELECT kind AS Kind, account_id AS AccountId, amount AS Amount, value_minor AS ValueMinor, basket_minor AS BasketMinor, refunded AS Refunded
            FROM loyalty_redemption WHERE tenant_id = @Tenant AND reference = @Reference ORDER BY kind
            """,
            new { Tenant = tenant.Value, Reference = reference }, transaction)).AsList();

    public async Task<bool> RefundAsync(DbSession session, TenantId tenant, string reference, string kind, long amount) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_redemption SET refunded = refunded + @Amount
            WHERE tenant_id = @Tenant AND reference = @Reference AND kind = @Kind AND refunded + @Amount <= amount
            """,
            new { Tenant = tenant.Value, Reference = reference, Kind = kind, Amount = amount }, session.Transaction) == 1;

    /// <summary>Claims a return reference; false when that return was applied before (a retry).</summary>
    public async Task<bool> TryInsertReturnAsync(DbSession session, TenantId tenant, string returnRef, string orderRef, MemberId member, string resultJson, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_return (tenant_id, return_ref, order_ref, member_id, result_json, at_ms)
            VALUES (@Tenant, @Return, @Order, @Member, @Json, @At) ON CONFLICT (tenant_id, return_ref) DO NOTHING
            """,
            new { Tenant = tenant.Value, Return = returnRef, Order = orderRef, Member = member.Value, Json = resultJson, At = atMs }, session.Transaction) == 1;

    public Task SetReturnResultAsync(DbSession session, TenantId tenant, string returnRef, string resultJson) =>
        session.Connection.ExecuteAsync(
            "UPDATE loyalty_return SET result_json = @Json WHERE tenant_id = @Tenant AND return_ref = @Return",
            new { Tenant = tenant.Value, Return = returnRef, Json = resultJson }, session.Transaction);

    public Task<string?> FindReturnAsync(DbSession session, TenantId tenant, string returnRef) =>
        session.Connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT result_json FROM loyalty_return WHERE tenant_id = @Tenant AND return_ref = @Return",
            new { Tenant = tenant.Value, Return = returnRef }, session.Transaction);

    /// <summary>Claims a member's visit bonus for a store and day; false when already given.</summary>
    public async Task<bool> TryVisitAsync(DbSession session, TenantId tenant, MemberId member, LocationId store, string day, long points, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_visit (tenant_id, member_id, store_id, day, points, at_ms) VALUES (@Tenant, @Member, @Store, @Day, @Points, @At)
            ON CONFLICT (tenant_id, member_id, store_id, day) DO NOTHING
            """,
            new { Tenant = tenant.Value, Member = member.Value, Store = store.Value, Day = day, Points = points, At = atMs }, session.Transaction) == 1;
}
