using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Products;

/// <summary>What to list: products in a category (and below it) whose name contains a text, a page at a time.</summary>
internal sealed record ProductQuery(string? Category = null, string? Search = null, int? Limit = null, int? Offset = null);

/// <summary>Reads products with their SKUs. Any role of the tenant.</summary>
internal sealed class ProductQueries(Database database, ProductStore products, SkuStore skus)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

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

    public async Task<Result<ProductPage>> ListAsync(Caller caller, ProductQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? DefaultLimit;
        var offset = query.Offset ?? 0;
        if (limit is < 1 or > MaxLimit)
            return CatalogErrors.BadPaging($"The limit is between 1 and {MaxLimit}.", "limit");
        if (offset < 0)
            return CatalogErrors.BadPaging("The offset cannot be negative.", "offset");
        CategoryPath? category = null;
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var parsed = CategoryPath.Parse(query.Category);
            if (!parsed.IsSuccess)
                return parsed.Error;
            category = parsed.Value;
        }
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var page = await database.ReadAsync(async c =>
        {
            // One row past the page tells whether another page follows, without counting them all.
            var rows = await products.ListAsync(c, caller.Tenant, category, search, limit + 1, offset);
            var shown = rows.Take(limit).ToList();
            var ofShown = (await skus.ListOfProductsAsync(c, caller.Tenant, shown.Select(r => new ProductId(r.ProductId)).ToList())).ToLookup(s => s.Product);
            var items = shown.Select(r => ProductView.From(r.ToProduct(ofShown[new ProductId(r.ProductId)].ToList()))).ToList();
            return new ProductPage(items, rows.Count > limit ? offset + limit : null);
        }, ct);
        return page;
    }
}
