using System.Data.Common;
using Dapper;
using UniRetail.Catalog.Domain;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Persistence;

internal sealed class SkuStore
{
    private const int ChunkSize = 50;

    private const string Columns =
        "sku AS Sku, product_id AS ProductId, gtin_as_written AS GtinAsWritten, name AS Name, attributes AS Attributes, " +
        "price_minor AS PriceMinor, currency AS Currency, active AS Active";

    /// <summary>Inserts the SKU; false when its code or its GTIN is already taken in the tenant.</summary>
    public async Task<bool> InsertAsync(DbSession session, TenantId tenant, ProductSku sku, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO catalog_sku (tenant_id, sku, product_id, gtin, gtin_as_written, name, attributes, price_minor, currency, active, version, created_at_ms, updated_at_ms)
            VALUES (@Tenant, @Sku, @Product, @Gtin, @GtinAsWritten, @Name, @Attributes, @PriceMinor, @Currency, @Active, 1, @At, @At)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                Tenant = tenant.Value, Sku = sku.Code.Value, Product = sku.Product.Value, Gtin = sku.Gtin?.Gtin14, GtinAsWritten = sku.Gtin?.Value,
                sku.Name, Attributes = sku.Attributes.ToJson(), PriceMinor = sku.Price.MinorUnits, Currency = sku.Price.Currency.Code, sku.Active, At = atMs,
            },
            session.Transaction) == 1;

    private static readonly BulkInsert Upsert = new(
        "catalog_sku",
        shared: ["tenant_id", "version", "created_at_ms", "updated_at_ms"],
        columns: ["sku", "product_id", "gtin", "gtin_as_written", "name", "attributes", "price_minor", "currency", "active"],
        tail: """
            ON CONFLICT (tenant_id, sku) DO UPDATE SET product_id = excluded.product_id, gtin = excluded.gtin,
                gtin_as_written = excluded.gtin_as_written, name = excluded.name, attributes = excluded.attributes,
                price_minor = excluded.price_minor, currency = excluded.currency,
                version = catalog_sku.version + 1, updated_at_ms = excluded.updated_at_ms
            RETURNING version AS Version
            """);

    /// <summary>
    /// Creates or replaces each SKU by code (its product, GTIN, name, attributes and price; an existing SKU keeps its active flag).
    /// Returns how many were created and how many updated. The caller has checked no GTIN belongs to another SKU.
    /// </summary>
    public async Task<(int Created, int Updated)> UpsertManyAsync(DbSession session, TenantId tenant, IReadOnlyList<ProductSku> skus, long atMs)
    {
        var versions = await Upsert.QueryAsync<UpsertedSku>(
            session,
            [tenant.Value, 1, atMs, atMs],
            skus.Select(s => new object?[]
            {
                s.Code.Value, s.Product.Value, s.Gtin?.Gtin14, s.Gtin?.Value, s.Name, s.Attributes.ToJson(), s.Price.MinorUnits, s.Price.Currency.Code, s.Active,
            }));
        var created = versions.Count(v => v.Version == 1);
        return (created, skus.Count - created);
    }

    /// <summary>The SKU code holding each of <paramref name="gtins"/>, by GTIN-14.</summary>
    public Task<IReadOnlyDictionary<string, string>> GtinHoldersAsync(DbSession session, TenantId tenant, IReadOnlyCollection<Gtin> gtins) =>
        GtinHoldersAsync(session.Connection, session.Transaction, tenant, gtins);

    /// <summary>The SKU code holding each of <paramref name="gtins"/>, by GTIN-14, on any connection.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GtinHoldersAsync(DbConnection connection, DbTransaction? transaction, TenantId tenant, IReadOnlyCollection<Gtin> gtins)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in gtins.Select(g => g.Gtin14).Chunk(ChunkSize))
        {
            var rows = await connection.QueryAsync<GtinHolder>(
                $"SELECT gtin AS Gtin, sku AS Sku FROM catalog_sku WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "gtin", "Gtins")}",
                new { Tenant = tenant.Value, Gtins = batch }, transaction);
            foreach (var row in rows)
                holders[row.Gtin] = row.Sku;
        }
        return holders;
    }

    public async Task<bool> ExistsAsync(DbSession session, TenantId tenant, Sku sku) =>
        await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM catalog_sku WHERE tenant_id = @Tenant AND sku = @Sku", new { Tenant = tenant.Value, Sku = sku.Value }, session.Transaction) > 0;

    public async Task<bool> SetPriceAsync(DbSession session, TenantId tenant, Sku sku, Money price, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE catalog_sku SET price_minor = @PriceMinor, currency = @Currency, version = version + 1, updated_at_ms = @At
            WHERE tenant_id = @Tenant AND sku = @Sku
            """,
            new { Tenant = tenant.Value, Sku = sku.Value, PriceMinor = price.MinorUnits, Currency = price.Currency.Code, At = atMs },
            session.Transaction) == 1;

    public async Task<bool> SetActiveAsync(DbSession session, TenantId tenant, Sku sku, bool active, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE catalog_sku SET active = @Active, version = version + 1, updated_at_ms = @At WHERE tenant_id = @Tenant AND sku = @Sku",
            new { Tenant = tenant.Value, Sku = sku.Value, Active = active, At = atMs }, session.Transaction) == 1;

    public async Task<ProductSku?> FindAsync(DbConnection connection, TenantId tenant, Sku sku, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<SkuRow>(
            $"SELECT {Columns} FROM catalog_sku WHERE tenant_id = @Tenant AND sku = @Sku", new { Tenant = tenant.Value, Sku = sku.Value }, transaction))?.ToSku();

    public async Task<ProductSku?> FindByGtinAsync(DbConnection connection, TenantId tenant, Gtin gtin) =>
        (await connection.QuerySingleOrDefaultAsync<SkuRow>(
            $"SELECT {Columns} FROM catalog_sku WHERE tenant_id = @Tenant AND gtin = @Gtin", new { Tenant = tenant.Value, Gtin = gtin.Gtin14 }))?.ToSku();

    public async Task<IReadOnlyList<ProductSku>> ListAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<Sku> skus)
    {
        var found = new List<ProductSku>(skus.Count);
        foreach (var batch in skus.Select(s => s.Value).Chunk(ChunkSize))
        {
            var rows = await connection.QueryAsync<SkuRow>(
                $"SELECT {Columns} FROM catalog_sku WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "sku", "Skus")}", new { Tenant = tenant.Value, Skus = batch });
            found.AddRange(rows.Select(r => r.ToSku()));
        }
        return found;
    }

    /// <summary>
    /// The SKUs of <paramref name="products"/> in SKU order. Sorted here, not by the statement: an <c>ORDER BY sku</c> led
    /// SQLite to walk the tenant's whole primary key (every SKU, 39 ms at 100,000) instead of the product index.
    /// </summary>
    public async Task<IReadOnlyList<ProductSku>> ListOfProductsAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<ProductId> products)
    {
        var found = new List<ProductSku>();
        foreach (var batch in products.Select(p => p.Value).Chunk(ChunkSize))
        {
            var rows = await connection.QueryAsync<SkuRow>(
                $"SELECT {Columns} FROM catalog_sku WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "product_id", "Products")}",
                new { Tenant = tenant.Value, Products = batch });
            found.AddRange(rows.Select(r => r.ToSku()));
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Code.Value, b.Code.Value));
        return found;
    }

    private sealed class GtinHolder
    {
        public string Gtin { get; init; } = "";
        public string Sku { get; init; } = "";
    }

    private sealed class UpsertedSku
    {
        public long Version { get; init; }
    }
}
