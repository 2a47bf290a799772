using UniRetail.Catalog.Domain;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Products;

/// <summary>Money as the API takes it: <c>{"amount": 2.55, "currency": "GBP"}</c>; the currency defaults to the tenant's.</summary>
internal sealed record PriceRequest(decimal? Amount, string? Currency)
{
    public Result<Money> ToMoney(Currency tenantCurrency, string field) =>
        CatalogPrice.Parse(Amount, Currency, tenantCurrency, $"{field}.amount", $"{field}.currency");
}

/// <summary>One SKU of a new product. The name defaults to the product's.</summary>
internal sealed record SkuRequest(string? Sku, string? Gtin, string? Name, Dictionary<string, string>? Attributes, PriceRequest? Price);

/// <summary>A new product with its SKUs, created together or not at all.</summary>
internal sealed record CreateProductRequest(
    string? Code, string? Name, string? Description, string? Category, Dictionary<string, string>? Attributes, List<SkuRequest>? Skus)
{
    public Result<Product> ToProduct(ProductId id, Currency tenantCurrency)
    {
        var code = ProductCode.Parse(Code);
        if (!code.IsSuccess)
            return code.Error;
        var name = CatalogText.Required(Name, "name");
        if (!name.IsSuccess)
            return name.Error;
        var description = CatalogText.Optional(Description, "description", 4000);
        if (!description.IsSuccess)
            return description.Error;
        var category = CategoryPath.Parse(Category);
        if (!category.IsSuccess)
            return category.Error;
        var attributes = AttributeMap.From(Attributes);
        if (!attributes.IsSuccess)
            return attributes.Error;
        if (Skus?.Count > Product.MaxSkus)
            return CatalogErrors.TooManySkus(Product.MaxSkus);
        var skus = new List<ProductSku>();
        for (var i = 0; i < (Skus?.Count ?? 0); i++)
        {
            var sku = ToSku(Skus![i], id, name.Value, tenantCurrency, $"skus[{i}]");
            if (!sku.IsSuccess)
                return sku.Error;
            skus.Add(sku.Value);
        }
        return Product.Create(id, code.Value, name.Value, description.Value, category.Value, attributes.Value, skus);
    }

    private static Result<ProductSku> ToSku(SkuRequest? request, ProductId product, string productName, Currency tenantCurrency, string field)
    {
        if (request is null)
            return CatalogErrors.Required(field);
        var code = Sku.Parse(request.Sku, $"{field}.sku");
        if (!code.IsSuccess)
            return code.Error;
        Gtin? gtin = null;
        if (!string.IsNullOrWhiteSpace(request.Gtin))
        {
            var parsed = Gtin.Parse(request.Gtin, $"{field}.gtin");
            if (!parsed.IsSuccess)
                return parsed.Error;
            gtin = parsed.Value;
        }
        var name = CatalogText.Optional(request.Name, $"{field}.name", 200);
        if (!name.IsSuccess)
            return name.Error;
        var attributes = AttributeMap.From(request.Attributes, $"{field}.attributes");
        if (!attributes.IsSuccess)
            return attributes.Error;
        if (request.Price is null)
            return CatalogErrors.Required($"{field}.price");
        var price = request.Price.ToMoney(tenantCurrency, $"{field}.price");
        if (!price.IsSuccess)
            return price.Error;
        return new ProductSku(code.Value, product, gtin, name.Value.Length > 0 ? name.Value : productName, attributes.Value, price.Value, Active: true);
    }
}
