using UniRetail.Kernel;

namespace UniRetail.Catalog.Contracts;

/// <summary>A SKU's name and the unit price that holds for one channel and store.</summary>
public sealed record SkuPrice(Sku Sku, string Name, Money UnitPrice)
{
    /// <summary>The category path of the SKU's product (<c>Home/Kitchen</c>); empty when uncategorised.</summary>
    public string Category { get; init; } = "";
}

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

/// <summary>The catalog's category tree as other modules need it (a promotion scoped to a category).</summary>
public interface ICatalogCategories
{
    /// <summary>
    /// The categories among <paramref name="categories"/> (paths such as <c>Home/Kitchen</c>, compared exactly) that hold at
    /// least one product of the tenant, directly or in a category below them.
    /// </summary>
    Task<IReadOnlySet<string>> KnownAsync(TenantId tenant, IReadOnlyCollection<string> categories, CancellationToken ct);
}
