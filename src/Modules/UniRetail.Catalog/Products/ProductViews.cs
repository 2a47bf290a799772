using UniRetail.Catalog.Domain;
using UniRetail.Web;

namespace UniRetail.Catalog.Products;

/// <summary>A SKU as the API returns it.</summary>
internal sealed record SkuView(
    string Sku, string ProductId, string? Gtin, string Name, IReadOnlyDictionary<string, string> Attributes, MoneyView Price, bool Active)
{
    public static SkuView From(ProductSku sku) => new(
        sku.Code.Value, sku.Product.Value, sku.Gtin?.Value, sku.Name, sku.Attributes.Entries, MoneyView.From(sku.Price), sku.Active);
}

/// <summary>A product with its SKUs, as the API returns it.</summary>
internal sealed record ProductView(
    string Id, string Code, string Name, string Description, string Category, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<SkuView> Skus)
{
    public static ProductView From(Product product) => new(
        product.Id.Value, product.Code.Value, product.Name, product.Description, product.Category.Value, product.Attributes.Entries,
        product.Skus.Select(SkuView.From).ToList());
}

