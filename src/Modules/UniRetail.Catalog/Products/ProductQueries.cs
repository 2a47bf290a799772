using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Products;

/// <summary>What to list: products in a category (and below it) whose name contains a text.</summary>
internal sealed record ProductQuery(string? Category = null, string? Search = null);

/// <summary>Reads products with their SKUs. Any role of the tenant.</summary>
internal sealed class ProductQueries(Database database, ProductStore products, SkuStore skus)
{
    public async Task<Result<ProductView>> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var product = await database.ReadAsync(async c =>
        {
            var row = await products.FindAsync(c, caller.Tenant, new ProductId(id));
            return row is null ? null : row.ToProduct(await skus.ListOfProductsAsync(c, caller.Tenant, [new ProductId(row.ProductId)]));
        }, ct);
        return product is null ? CatalogErrors.UnknownProduct(id) : ProductView.From(product);
    }

    /// <summary>A page of products in code order.</summary>
    public async Task<Result<Slice<ProductView>>> ListAsync(Caller caller, ProductQuery query, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        CategoryPath? category = null;
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var parsed = CategoryPath.Parse(query.Category);
            if (!parsed.IsSuccess)
                return parsed.Error;
            category = parsed.Value;
        }
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        return await database.ReadAsync(async c =>
        {
            var shown = Slice<ProductRow>.Of(await products.ListAsync(c, caller.Tenant, category, search, page), page, r => r.Code);
            var ofShown = (await skus.ListOfProductsAsync(c, caller.Tenant, shown.Items.Select(r => new ProductId(r.ProductId)).ToList())).ToLookup(s => s.Product);
            return shown.Map(r => ProductView.From(r.ToProduct(ofShown[new ProductId(r.ProductId)].ToList())));
        }, ct);
    }
}
