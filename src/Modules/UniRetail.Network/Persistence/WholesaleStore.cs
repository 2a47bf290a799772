using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain.Wholesale;

namespace UniRetail.Network.Persistence;

internal sealed class WholesaleItemRow
{
    public string Sku { get; init; } = "";
    public int CasePack { get; init; }
    public long UnitPriceMinor { get; init; }
    public long CasePriceMinor { get; init; }
    public int MinimumCases { get; init; }
    public string Tiers { get; init; } = "[]";

    public IReadOnlyList<PriceTier> PriceTiers() =>
        JsonSerializer.Deserialize<long[][]>(Tiers)!.Select(t => new PriceTier((int)t[0], t[1])).ToList();

    public static string WriteTiers(IEnumerable<PriceTier> tiers) => JsonSerializer.Serialize(tiers.Select(t => new[] { t.FromCases, t.CasePriceMinor }));
}

internal sealed class MappingRow
{
    public string WholesaleSku { get; init; } = "";
    public string Sku { get; init; } = "";
    public int UnitsPerCase { get; init; }
}

/// <summary>The platform's wholesale catalog (scoped by platform_id) and each shop's mapping of it (scoped by shop_id).</summary>
internal sealed class WholesaleStore
{
    public const int MaxItems = 5_000;

    private const string ItemColumns =
        "sku AS Sku, case_pack AS CasePack, unit_price_minor AS UnitPriceMinor, case_price_minor AS CasePriceMinor, minimum_cases AS MinimumCases, tiers AS Tiers";

    public Task UpsertItemAsync(DbSession session, TenantId platform, WholesaleItemRow row, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO network_wholesale_item (platform_id, sku, case_pack, unit_price_minor, case_price_minor, minimum_cases, tiers, updated_at_ms)
            VALUES (@Platform, @Sku, @CasePack, @UnitPriceMinor, @CasePriceMinor, @MinimumCases, @Tiers, @At)
            ON CONFLICT (platform_id, sku) DO UPDATE SET case_pack = excluded.case_pack, unit_price_minor = excluded.unit_price_minor,
                case_price_minor = excluded.case_price_minor, minimum_cases = excluded.minimum_cases, tiers = excluded.tiers, updated_at_ms = excluded.updated_at_ms
            """,
            new { Platform = platform.Value, row.Sku, row.CasePack, row.UnitPriceMinor, row.CasePriceMinor, row.MinimumCases, row.Tiers, At = atMs }, session.Transaction);

    public async Task<IReadOnlyList<WholesaleItemRow>> ItemsAsync(DbConnection connection, TenantId platform) =>
        [.. await connection.QueryAsync<WholesaleItemRow>(
            $"SELECT {ItemColumns} FROM network_wholesale_item WHERE platform_id = @Platform ORDER BY sku LIMIT @Limit",
            new { Platform = platform.Value, Limit = MaxItems })];

    public async Task<IReadOnlyList<WholesaleItemRow>> ItemsAsync(DbConnection connection, DbTransaction? transaction, TenantId platform, IReadOnlyCollection<string> skus) =>
        [.. await connection.QueryAsync<WholesaleItemRow>(
            $"SELECT {ItemColumns} FROM network_wholesale_item WHERE platform_id = @Platform AND {SqlLists.In(connection, "sku", "Skus")}",
            new { Platform = platform.Value, Skus = skus.Distinct().ToArray() }, transaction)];

    public Task UpsertMappingAsync(DbSession session, TenantId shop, MappingRow row) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO network_shop_mapping (shop_id, wholesale_sku, sku, units_per_case) VALUES (@Shop, @WholesaleSku, @Sku, @UnitsPerCase)
            ON CONFLICT (shop_id, wholesale_sku) DO UPDATE SET sku = excluded.sku, units_per_case = excluded.units_per_case
            """,
            new { Shop = shop.Value, row.WholesaleSku, row.Sku, row.UnitsPerCase }, session.Transaction);

    public async Task<IReadOnlyList<MappingRow>> MappingsAsync(DbConnection connection, TenantId shop, DbTransaction? transaction = null) =>
        [.. await connection.QueryAsync<MappingRow>(
            "SELECT wholesale_sku AS WholesaleSku, sku AS Sku, units_per_case AS UnitsPerCase FROM network_shop_mapping WHERE shop_id = @Shop ORDER BY wholesale_sku LIMIT @Limit",
            new { Shop = shop.Value, Limit = MaxItems }, transaction)];
}
