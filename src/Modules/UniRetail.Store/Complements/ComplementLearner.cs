using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Complements;

/// <summary>What a fold did: orders counted, SKUs ranked again, and whether orders were left for the next pass.</summary>
internal sealed record ComplementsRefreshed(int Orders, int SkusRanked, long Baskets, bool More);

/// <summary>
/// Keeps a tenant's complements from its orders, incrementally: reads the orders placed after the watermark (a page of
/// <see cref="PageSize"/> at a time, only those older than <see cref="StoreOptions.ComplementSettleTime"/>, so an order whose
/// transaction is still committing is not passed over), adds their items and pairs to the counts and moves the watermark in
/// one write, then ranks again the SKUs those orders held, from their counts. Never a scan of all orders: each order is
/// read once, and ranking a SKU reads its own pairs.
/// </summary>
internal sealed class ComplementLearner(Database database, ComplementStore store, IPlacedBaskets orders, StoreOptions options, TimeProvider clock) : IDisposable
{
    public const int PageSize = 500;
    private const int RankBatch = 200;

    private readonly SemaphoreSlim _one = new(1, 1);

    public ComplementRules Rules { get; } = ComplementRules.Default;

    public void Dispose() => _one.Dispose();

    /// <summary>Starts keeping the tenant's complements; the next fold counts its orders from the first.</summary>
    public Task EnsureKeptAsync(DbSession session, TenantId tenant) => store.EnsureKeptAsync(session, tenant, clock.GetUtcNow());

    /// <summary>Folds up to <paramref name="maxOrders"/> new orders of the tenant (one fold at a time in this process).</summary>
    public async Task<ComplementsRefreshed> FoldAsync(TenantId tenant, int maxOrders, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var kept = await database.WriteAsync(async s => { await EnsureKeptAsync(s, tenant); return Result<Unit>.Success(Unit.Value); }, ct);
            if (!kept.IsSuccess)
                throw new InvalidOperationException(kept.Error.Message);
            var (folded, ranked, more) = (0, 0, true);
            while (folded < maxOrders && more)
            {
                var page = await FoldPageAsync(tenant, Math.Min(PageSize, maxOrders - folded), ct);
                folded += page.Orders;
                ranked += page.Ranked;
                more = page.Full;
            }
            var state = await database.ReadAsync(c => store.StateAsync(c, tenant), ct);
            return new ComplementsRefreshed(folded, ranked, state?.Baskets ?? 0, more);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Every kept tenant, a bounded number of orders each (the timer's pass).</summary>
    public async Task<int> FoldAllAsync(int maxOrdersPerTenant, CancellationToken ct)
    {
        var total = 0;
        foreach (var tenant in await database.ReadAsync(store.TenantsAsync, ct))
            total += (await FoldAsync(tenant, maxOrdersPerTenant, ct)).Orders;
        return total;
    }

    private async Task<(int Orders, int Ranked, bool Full)> FoldPageAsync(TenantId tenant, int limit, CancellationToken ct)
    {
        var state = await database.ReadAsync(c => store.StateAsync(c, tenant), ct) ?? new CoPurchaseState(0, PlacedOrderPosition.Start);
        var settled = clock.GetUtcNow() - options.ComplementSettleTime;
        var baskets = await orders.AfterAsync(tenant, state.Watermark, settled, limit, ct);
        if (baskets.Count == 0)
            return (0, 0, false);
        var items = new Dictionary<Sku, long>();
        var pairs = new Dictionary<(Sku, Sku), long>();
        var counted = 0;
        foreach (var basket in baskets)
        {
            var held = CoPurchase.Items(basket.Skus, Rules);
            if (held.Count == 0)
                continue;
            counted++;
            foreach (var sku in held)
                items[sku] = items.GetValueOrDefault(sku) + 1;
            foreach (var pair in CoPurchase.Pairs(held))
                pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
        }
        var to = baskets[^1].Position;
        var advanced = await database.WriteAsync<bool>(async session =>
        {
            if (!await store.AdvanceAsync(session, tenant, state.Watermark, to, counted, clock.GetUtcNow()))
                return false;
            await store.AddItemsAsync(session, tenant, items);
            await store.AddPairsAsync(session, tenant, pairs);
            return true;
        }, ct);
        if (!advanced.IsSuccess || !advanced.Value)
            return (0, 0, false);
        await RankAsync(tenant, items.Keys.ToList(), ct);
        return (baskets.Count, items.Count, baskets.Count == limit);
    }

    /// <summary>Ranks the SKUs' complements from their current counts, a batch of SKUs per write.</summary>
    private async Task RankAsync(TenantId tenant, IReadOnlyList<Sku> skus, CancellationToken ct)
    {
        foreach (var batch in skus.Chunk(RankBatch))
        {
            var ranked = await database.ReadAsync(async c =>
            {
                var baskets = (await store.StateAsync(c, tenant))?.Baskets ?? 0;
                var result = new List<(Sku, IReadOnlyList<Complement>)>(batch.Length);
                foreach (var sku in batch)
                {
                    var (withSku, others) = await store.PairsOfAsync(c, tenant, sku, Rules.MinSupport);
                    result.Add((sku, CoPurchase.Rank(baskets, withSku, others, Rules)));
                }
                return result;
            }, ct);
            var written = await database.WriteAsync<Unit>(async session =>
            {
                foreach (var (sku, complements) in ranked)
                    await store.ReplaceRankedAsync(session, tenant, sku, complements);
                return Unit.Value;
            }, ct);
            if (!written.IsSuccess)
                throw new InvalidOperationException(written.Error.Message);
        }
    }
}
