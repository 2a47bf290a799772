using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Domain;

namespace UniRetail.Store.Persistence;

internal sealed record CoPurchaseState(long Baskets, PlacedOrderPosition Watermark);

/// <summary>The tenant's co-purchase counts and each SKU's ranked complements (store_copurchase_*, store_complement).</summary>
internal sealed class ComplementStore
{
    private static readonly BulkInsert Items = new("store_copurchase_item", ["tenant_id"], ["sku", "baskets"],
        "ON CONFLICT (tenant_id, sku) DO UPDATE SET baskets = store_copurchase_item.baskets + excluded.baskets");

    private static readonly BulkInsert Pairs = new("store_copurchase_pair", ["tenant_id"], ["sku", "other_sku", "baskets"],
        "ON CONFLICT (tenant_id, sku, other_sku) DO UPDATE SET baskets = store_copurchase_pair.baskets + excluded.baskets");

    // Two servers ranking one SKU at once each delete, then insert: the second insert updates the first's rows instead of failing.
    private static readonly BulkInsert Ranked = new("store_complement", ["tenant_id", "sku"], ["ordinal", "other_sku", "lift", "baskets"],
        "ON CONFLICT (tenant_id, sku, ordinal) DO UPDATE SET other_sku = excluded.other_sku, lift = excluded.lift, baskets = excluded.baskets");

    /// <summary>Tenants whose complements are kept (every tenant that started a bag or asked for a refresh).</summary>
    public async Task<IReadOnlyList<TenantId>> TenantsAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>("SELECT tenant_id FROM store_copurchase_state ORDER BY tenant_id")).Select(t => new TenantId(t)).ToList();

    /// <summary>Starts keeping the tenant's complements (from its first order) unless it is kept already.</summary>
    public Task EnsureKeptAsync(DbSession session, TenantId tenant, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO store_copurchase_state (tenant_id, baskets, watermark_at_ms, watermark_order, updated_at_ms) VALUES (@Tenant, 0, 0, '', @Now)
            ON CONFLICT (tenant_id) DO NOTHING
            """,
            new { Tenant = tenant.Value, Now = now.ToUnixTimeMilliseconds() }, session.Transaction);

    public async Task<CoPurchaseState?> StateAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QuerySingleOrDefaultAsync<StateRow>(
            "SELECT baskets AS Baskets, watermark_at_ms AS AtMs, watermark_order AS OrderId FROM store_copurchase_state WHERE tenant_id = @Tenant",
            new { Tenant = tenant.Value }))?.ToState();

    /// <summary>
    /// Moves the watermark from <paramref name="from"/> to <paramref name="to"/> and adds the baskets: false (nothing to write)
    /// when another fold moved it first, so two folds never count the same orders.
    /// </summary>
    public async Task<bool> AdvanceAsync(DbSession session, TenantId tenant, PlacedOrderPosition from, PlacedOrderPosition to, int baskets, DateTimeOffset now) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE store_copurchase_state SET baskets = baskets + @Baskets, watermark_at_ms = @ToMs, watermark_order = @ToOrder, updated_at_ms = @Now
            WHERE tenant_id = @Tenant AND watermark_at_ms = @FromMs AND watermark_order = @FromOrder
            """,
            new
            {
                Tenant = tenant.Value, Baskets = baskets, ToMs = to.PlacedAt.ToUnixTimeMilliseconds(), ToOrder = to.Order.Value,
                FromMs = from.PlacedAt.ToUnixTimeMilliseconds(), FromOrder = from.Order.Value, Now = now.ToUnixTimeMilliseconds(),
            },
            session.Transaction) == 1;

    public async Task AddItemsAsync(DbSession session, TenantId tenant, IReadOnlyDictionary<Sku, long> items) =>
        await Items.ExecuteAsync(session, [tenant.Value], items.OrderBy(i => i.Key.Value, StringComparer.Ordinal).Select(i => new object?[] { i.Key.Value, i.Value }));

    public async Task AddPairsAsync(DbSession session, TenantId tenant, IReadOnlyDictionary<(Sku Sku, Sku Other), long> pairs) =>
        await Pairs.ExecuteAsync(session, [tenant.Value], pairs
            .OrderBy(p => p.Key.Sku.Value, StringComparer.Ordinal).ThenBy(p => p.Key.Other.Value, StringComparer.Ordinal)
            .Select(p => new object?[] { p.Key.Sku.Value, p.Key.Other.Value, p.Value }));

    /// <summary>The SKU's basket count and, for each other SKU it shared at least <paramref name="minSupport"/> baskets with, both counts.</summary>
    public async Task<(long WithSku, IReadOnlyList<PairCount> Others)> PairsOfAsync(DbConnection connection, TenantId tenant, Sku sku, int minSupport)
    {
        var withSku = await connection.ExecuteScalarAsync<long?>(
            "SELECT baskets FROM store_copurchase_item WHERE tenant_id = @Tenant AND sku = @Sku", new { Tenant = tenant.Value, Sku = sku.Value }) ?? 0;
        var others = await connection.QueryAsync<PairRow>(
            """
            SELECT p.other_sku AS Other, p.baskets AS Together, i.baskets AS OtherBaskets
            FROM store_copurchase_pair p JOIN store_copurchase_item i ON i.tenant_id = p.tenant_id AND i.sku = p.other_sku
            WHERE p.tenant_id = @Tenant AND p.sku = @Sku AND p.baskets >= @Min
            """,
            new { Tenant = tenant.Value, Sku = sku.Value, Min = minSupport });
        return (withSku, others.Select(o => new PairCount(Sku.FromStored(o.Other), o.Together, o.OtherBaskets)).ToList());
    }

    public async Task ReplaceRankedAsync(DbSession session, TenantId tenant, Sku sku, IReadOnlyList<Complement> complements)
    {
        await session.Connection.ExecuteAsync(
            "DELETE FROM store_complement WHERE tenant_id = @Tenant AND sku = @Sku", new { Tenant = tenant.Value, Sku = sku.Value }, session.Transaction);
        await Ranked.ExecuteAsync(session, [tenant.Value, sku.Value], complements.Select((c, i) => new object?[] { i + 1, c.Sku.Value, c.Lift, c.Together }));
    }

    /// <summary>The SKU's ranked complements, best first: one range of the key.</summary>
    public async Task<IReadOnlyList<Complement>> ComplementsOfAsync(DbConnection connection, TenantId tenant, Sku sku) =>
        (await connection.QueryAsync<RankedRow>(
            "SELECT other_sku AS Other, lift AS Lift, baskets AS Together FROM store_complement WHERE tenant_id = @Tenant AND sku = @Sku ORDER BY ordinal",
            new { Tenant = tenant.Value, Sku = sku.Value })).Select(r => new Complement(Sku.FromStored(r.Other), r.Lift, r.Together)).ToList();

    private sealed class StateRow
    {
        public long Baskets { get; init; }
        public long AtMs { get; init; }
        public string OrderId { get; init; } = "";

        public CoPurchaseState ToState() => new(Baskets, new PlacedOrderPosition(DateTimeOffset.FromUnixTimeMilliseconds(AtMs), new OrderId(OrderId)));
    }

    private sealed class PairRow
    {
        public string Other { get; init; } = "";
        public long Together { get; init; }
        public long OtherBaskets { get; init; }
    }

    private sealed class RankedRow
    {
        public string Other { get; init; } = "";
        public double Lift { get; init; }
        public long Together { get; init; }
    }
}
