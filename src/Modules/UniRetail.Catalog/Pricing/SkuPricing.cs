using System.Collections.Concurrent;
using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Pricing;

/// <summary>
/// Orders price every line through this, so each tenant's SKUs are cached in memory as they are first asked for
/// (unknown SKUs too). Any catalog write through this process drops its tenant's entry at once; a write through another
/// process shows within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class SkuPricing(Database database, SkuStore skus, ProductStore products, PriceOverrideStore overrides, TimeProvider clock) : ISkuPricing
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private const int MaxSkusPerTenant = 200_000;
    private readonly ConcurrentDictionary<TenantId, TenantPrices> _tenants = new();

    public async Task<IReadOnlyDictionary<Sku, SkuPrice>> PriceAsync(
        TenantId tenant, IReadOnlyCollection<Sku> skus, SalesChannel channel, LocationId? store, CancellationToken ct)
    {
        var entry = await EntryWithAsync(tenant, skus, ct);
        var prices = new Dictionary<Sku, SkuPrice>(skus.Count);
        foreach (var sku in skus)
        {
            if (entry.Skus.TryGetValue(sku, out var known) && known is { Sku.Active: true })
                prices[sku] = new SkuPrice(sku, known.Sku.Name, PriceRules.Resolve(known.Sku.Price, known.Overrides, channel, store)) { Category = known.Category };
        }
        return prices;
    }

    public async Task<IReadOnlySet<Sku>> KnownAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct)
    {
        var entry = await EntryWithAsync(tenant, skus, ct);
        return skus.Where(s => entry.Skus.TryGetValue(s, out var known) && known is not null).ToHashSet();
    }

    /// <summary>The tenant's cache entry, with <paramref name="skus"/> loaded into it.</summary>
    private async Task<TenantPrices> EntryWithAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var entry = CurrentEntry(tenant);
        var missing = skus.Where(s => !entry.Skus.ContainsKey(s)).Distinct().ToList();
        if (missing.Count > 0)
            await LoadAsync(entry, tenant, missing, ct);
        return entry;
    }

    /// <summary>Forgets the tenant's cached prices; every catalog write calls this once it has committed.</summary>
    public void Invalidate(TenantId tenant) => _tenants.TryRemove(tenant, out _);

    private TenantPrices CurrentEntry(TenantId tenant)
    {
        var now = clock.GetUtcNow();
        var entry = _tenants.GetOrAdd(tenant, _ => new TenantPrices(now + TimeToLive));
        if (entry.Expires > now && entry.Skus.Count < MaxSkusPerTenant)
            return entry;
        var fresh = new TenantPrices(now + TimeToLive);
        _tenants.TryUpdate(tenant, fresh, entry);
        return fresh;
    }

    // Loads into the entry taken before the read: if a write invalidates it meanwhile, what this read saw is dropped with it.
    private async Task LoadAsync(TenantPrices entry, TenantId tenant, IReadOnlyCollection<Sku> missing, CancellationToken ct)
    {
        var (found, foundOverrides, categories) = await database.ReadAsync(async c =>
        {
            var found = await skus.ListAsync(c, tenant, missing);
            return (found, await overrides.ListAsync(c, tenant, missing), await products.CategoriesAsync(c, tenant, found.Select(s => s.Product).Distinct().ToList()));
        }, ct);
        var overridesBySku = foundOverrides.ToLookup(o => o.Sku);
        foreach (var sku in found)
            entry.Skus[sku.Code] = new CachedSku(sku, overridesBySku[sku.Code].ToList(), categories.GetValueOrDefault(sku.Product.Value, ""));
        foreach (var sku in missing)
            entry.Skus.TryAdd(sku, null);
    }

    private sealed record CachedSku(ProductSku Sku, IReadOnlyList<PriceOverride> Overrides, string Category);

    private sealed class TenantPrices(DateTimeOffset expires)
    {
        public DateTimeOffset Expires { get; } = expires;

        public ConcurrentDictionary<Sku, CachedSku?> Skus { get; } = new();
    }
}
