using UniRetail.Kernel;

namespace UniRetail.Catalog.Contracts;

/// <summary>A SKU's name and the unit price that holds for one channel and store.</summary>
public sealed record SkuPrice(Sku Sku, string Name, Money UnitPrice);

/// <summary>Prices SKUs the way every channel must: store override, else channel override, else the SKU's price.</summary>
public interface ISkuPricing
{
    /// <summary>
    /// The active SKUs among <paramref name="skus"/> with their price for <paramref name="channel"/> at
    /// <paramref name="store"/> (null when not sold from a store). Unknown or inactive SKUs are absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<Sku, SkuPrice>> PriceAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, SalesChannel channel, LocationId? store, CancellationToken ct);

    /// <summary>
    /// The SKUs among <paramref name="skus"/> that are in the tenant's catalog, on sale or not: stock of a SKU taken off
    /// sale is still received, counted, moved and returned.
    /// </summary>
    Task<IReadOnlySet<Sku>> KnownAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct);
}
