using System.Data.Common;
using Dapper;
using UniRetail.Catalog.Domain;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Persistence;

internal sealed class ProductStore
{
    private const string Columns =
        "product_id AS ProductId, code AS Code, name AS Name, description AS Description, category AS Category, attributes AS Attributes, " +
        "created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs";

    /// <summary>Inserts the product; false when its code is already taken in the tenant.</summary>
    public async Task<bool> InsertAsync(DbSession session, TenantId tenant, Product product, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO catalog_product (tenant_id, product_id, code, name, description, category, attributes, version, created_at_ms, updated_at_ms)
            VALUES (@Tenant, @Id, @Code, @Name, @Description, @Category, @Attributes, 1, @At, @At)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                Tenant = tenant.Value, Id = product.Id.Value, Code = product.Code.Value, product.Name, product.Description,
                Category = product.Category.Value, Attributes = product.Attributes.ToJson(), At = atMs,
            },
            session.Transaction) == 1;

    /// <summary>A new product from an import has no description or attributes yet; an existing one keeps its own.</summary>
    private static readonly BulkInsert Upsert = new(
        "catalog_product",
        shared: ["tenant_id", "description", "attributes", "version", "created_at_ms", "updated_at_ms"],
        columns: ["product_id", "code", "name", "category"],
        tail: """
            ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, category = excluded.category,
                version = catalog_product.version + 1, updated_at_ms = excluded.updated_at_ms
            RETURNING product_id AS ProductId, code AS Code, version AS Version
            """);

    /// <summary>
    /// Creates or renames and recategorises each product by code, keeping an existing product's id and description.
    /// Returns each code's product id and whether it was created (its version is then 1).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (ProductId Id, bool Created)>> UpsertManyAsync(
        DbSession session, TenantId tenant, IReadOnlyList<(ProductId Id, ProductCode Code, string Name, CategoryPath Category)> products, long atMs)
    {
        var rows = await Upsert.QueryAsync<UpsertedProduct>(
            session, [tenant.Value, "", "{}", 1, atMs, atMs], products.Select(p => new object?[] { p.Id.Value, p.Code.Value, p.Name, p.Category.Value }));
        var saved = new Dictionary<string, (ProductId, bool)>(StringComparer.Ordinal);
        foreach (var row in rows)
            saved[row.Code] = (new ProductId(row.ProductId), row.Version == 1);
        return saved;
    }

    public Task<ProductRow?> FindAsync(DbConnection connection, TenantId tenant, ProductId id) =>
        connection.QuerySingleOrDefaultAsync<ProductRow>(
            $"SELECT {Columns} FROM catalog_product WHERE tenant_id = @Tenant AND product_id = @Id", new { Tenant = tenant.Value, Id = id.Value });

    /// <summary>
    /// A page of products in code order: those in <paramref name="category"/> or below it, whose name contains
    /// <paramref name="search"/> ignoring case. <c>lower(...) LIKE</c> because SQLite has no ILIKE and PostgreSQL's LIKE is case-sensitive.
    /// </summary>
    /// <summary>Products in code order after the page's position, one more than the page shows.</summary>
    public async Task<IReadOnlyList<ProductRow>> ListAsync(DbConnection connection, TenantId tenant, CategoryPath? category, string? search, PageQuery page) =>
        (await connection.QueryAsync<ProductRow>(
            $"""
            SELECT {Columns} FROM catalog_product
            WHERE tenant_id = @Tenant
              AND (@Category IS NULL OR category = @Category OR substr(category, 1, length(@CategoryPrefix)) = @CategoryPrefix)
              AND (@Pattern IS NULL OR lower(name) LIKE @Pattern ESCAPE '\')
              AND (@After IS NULL OR code > @After)
            ORDER BY code
            LIMIT @Limit
            """,
            new
            {
                Tenant = tenant.Value,
                Category = category?.Value,
                CategoryPrefix = category is { } c ? c.Value + "/" : null,
                Pattern = search is null ? null : "%" + EscapeLike(search.ToLowerInvariant()) + "%",
                page.After,
                Limit = page.RowsToRead,
            })).ToList();

    /// <summary>The category path of each of <paramref name="products"/>, by product id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CategoriesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<ProductId> products)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in products.Select(p => p.Value).Chunk(50))
        {
            var rows = await connection.QueryAsync<(string ProductId, string Category)>(
                $"SELECT product_id, category FROM catalog_product WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "product_id", "Products")}",
                new { Tenant = tenant.Value, Products = batch });
            foreach (var (product, category) in rows)
                categories[product] = category;
        }
        return categories;
    }

    /// <summary>Whether any product of the tenant is in <paramref name="category"/> or below it.</summary>
    public async Task<bool> CategoryHoldsProductsAsync(DbConnection connection, TenantId tenant, string category) =>
        await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM (SELECT 1 FROM catalog_product
            WHERE tenant_id = @Tenant AND (category = @Category OR substr(category, 1, length(@Prefix)) = @Prefix) LIMIT 1) AS found
            """,
            new { Tenant = tenant.Value, Category = category, Prefix = category + "/" }) > 0;

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed class UpsertedProduct
    {
        public string ProductId { get; init; } = "";
        public string Code { get; init; } = "";
        public long Version { get; init; }
    }
}
