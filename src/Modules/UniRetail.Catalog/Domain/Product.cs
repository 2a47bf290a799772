using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>A SKU: one sellable variant of a product, with its barcode and its base price in the tenant's currency.</summary>
internal sealed record ProductSku(Sku Code, ProductId Product, Gtin? Gtin, string Name, AttributeMap Attributes, Money Price, bool Active);

/// <summary>A product and its SKUs, as created together.</summary>
internal sealed record Product(
    ProductId Id, ProductCode Code, string Name, string Description, CategoryPath Category, AttributeMap Attributes, IReadOnlyList<ProductSku> Skus)
{
    /// <summary>The most SKUs one product has (sizes times colours of the widest range come nowhere near it).</summary>
    public const int MaxSkus = 1000;

    /// <summary>A new product; its SKUs must be at least one, with no SKU code or GTIN given twice.</summary>
    public static Result<Product> Create(
        ProductId id, ProductCode code, string name, string description, CategoryPath category, AttributeMap attributes, IReadOnlyList<ProductSku> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        if (skus.Count == 0)
            return CatalogErrors.NoSkus();
        if (skus.Count > MaxSkus)
            return CatalogErrors.TooManySkus(MaxSkus);
        var codes = new HashSet<Sku>();
        var gtins = new HashSet<Gtin>();
        for (var i = 0; i < skus.Count; i++)
        {
            if (!codes.Add(skus[i].Code))
                return CatalogErrors.DuplicateSku(skus[i].Code.Value, $"skus[{i}].sku");
            if (skus[i].Gtin is { } gtin && !gtins.Add(gtin))
                return CatalogErrors.DuplicateGtin(gtin.Value, $"skus[{i}].gtin");
        }
        return new Product(id, code, name, description, category, attributes, skus);
    }
}
