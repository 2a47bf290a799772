using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain.Advice;

namespace UniRetail.Network.Persistence;

internal sealed class SkuTotalRow
{
    public string Sku { get; init; } = "";
    public long Units { get; init; }
}

internal sealed class ProfileRow
{
    public string ShopId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string AgreementId { get; init; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public bool SharesBaskets { get; init; }
    public int Weeks { get; init; }
    public long Units { get; init; }
    public int ToDay { get; init; }
    public long RefreshedAtMs { get; init; }
}

internal sealed class ProfileSkuRow
{
    public string ShopId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string Sku { get; init; } = "";
    public long Units { get; init; }
}

internal sealed class PairRow
{
    public string Sku { get; init; } = "";
    public string Other { get; init; } = "";
    public long Baskets { get; init; }
}

/// <summary>A shop location's counted till baskets: how many, how many held each SKU, its best supported pairs.</summary>
internal sealed record BasketCounts(long Baskets, IReadOnlyDictionary<string, long> WithSku, IReadOnlyList<PairBaskets> Pairs)
{
    public static readonly BasketCounts None = new(0, new Dictionary<string, long>(), []);
}

/// <summary>
/// Advice's aggregates: till baskets and sales counted as sales commit (scoped by the shop's tenant and location), and the
/// shops' sales profiles (written under the platform, read by its shops). Each query is linear in one shop's SKUs or pairs.
/// </summary>
internal sealed class AdviceStore
{
    private static readonly BulkInsert Items = new("network_basket_item", ["tenant_id", "location_id"], ["sku", "baskets"],
        "ON CONFLICT (tenant_id, location_id, sku) DO UPDATE SET baskets = network_basket_item.baskets + excluded.baskets");

    private static readonly BulkInsert Pairs = new("network_basket_pair", ["tenant_id", "location_id"], ["sku", "other_sku", "baskets"],
        "ON CONFLICT (tenant_id, location_id, sku, other_sku) DO UPDATE SET baskets = network_basket_pair.baskets + excluded.baskets");

    private static readonly BulkInsert Sold = new("network_daily_sales", ["tenant_id", "location_id", "day"], ["sku", "units"],
        "ON CONFLICT (tenant_id, location_id, sku, day) DO UPDATE SET units = network_daily_sales.units + excluded.units");

    private static readonly BulkInsert ProfileSkus = new("network_advice_profile_sku", ["shop_id", "location_id"], ["sku", "units"]);

    private const string ProfileColumns =
        """
        shop_id AS ShopId, location_id AS LocationId, agreement_id AS AgreementId, latitude AS Latitude, longitude AS Longitude,
        shares_baskets AS SharesBaskets, weeks AS Weeks, units AS Units, to_day AS ToDay, refreshed_at_ms AS RefreshedAtMs
        """;

    /// <summary>True when the tenant is or was a shop on a platform (its till sales then feed its shop sales and baskets).</summary>
    public async Task<bool> IsShopAsync(DbSession session, TenantId tenant) =>
        await session.Connection.ExecuteScalarAsync<int?>("SELECT 1 FROM network_agreement WHERE shop_id = @Shop LIMIT 1", new { Shop = tenant.Value }, session.Transaction) is not null;

    /// <summary>Adds a till sale's units to the day's sales (sorted by SKU, so two sales lock rows in one order).</summary>
    public Task AddSalesAsync(DbSession session, TenantId tenant, LocationId location, int day, IReadOnlyDictionary<string, int> units) =>
        Sold.ExecuteAsync(session, [tenant.Value, location.Value, day], units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new object?[] { u.Key, u.Value }));

    /// <summary>Counts one basket: its SKUs and its pairs (each once).</summary>
    public async Task AddBasketAsync(DbSession session, TenantId tenant, LocationId location, IReadOnlyList<string> items, IReadOnlyList<(string Sku, string Other)> pairs)
    {
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO network_basket_state (tenant_id, location_id, baskets) VALUES (@Tenant, @Location, 1)
            ON CONFLICT (tenant_id, location_id) DO UPDATE SET baskets = network_basket_state.baskets + 1
            """, new { Tenant = tenant.Value, Location = location.Value }, session.Transaction);
        await Items.ExecuteAsync(session, [tenant.Value, location.Value], items.Order(StringComparer.Ordinal).Select(s => new object?[] { s, 1 }));
        await Pairs.ExecuteAsync(session, [tenant.Value, location.Value],
            pairs.OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.Other, StringComparer.Ordinal).Select(p => new object?[] { p.Sku, p.Other, 1 }));
    }

    public async Task<BasketCounts> BasketsAsync(DbConnection connection, TenantId tenant, LocationId location)
    {
        var args = new { Tenant = tenant.Value, Location = location.Value, Limit = AdviceRules.MaxPairsPerShop, Skus = AdviceRules.MaxSkus };
        var baskets = await connection.ExecuteScalarAsync<long?>(
            "SELECT baskets FROM network_basket_state WHERE tenant_id = @Tenant AND location_id = @Location", args) ?? 0;
        if (baskets == 0)
            return BasketCounts.None;
        var items = await connection.QueryAsync<SkuTotalRow>(
            "SELECT sku AS Sku, baskets AS Units FROM network_basket_item WHERE tenant_id = @Tenant AND location_id = @Location ORDER BY baskets DESC, sku LIMIT @Skus", args);
        var pairs = await connection.QueryAsync<PairRow>(
            """
            SELECT sku AS Sku, other_sku AS Other, baskets AS Baskets FROM network_basket_pair
            WHERE tenant_id = @Tenant AND location_id = @Location ORDER BY baskets DESC, sku, other_sku LIMIT @Limit
            """, args);
        return new BasketCounts(baskets, items.ToDictionary(i => i.Sku, i => i.Units, StringComparer.Ordinal),
            [.. pairs.Select(p => new PairBaskets(p.Sku, p.Other, p.Baskets))]);
    }

    /// <summary>The location's units by SKU over days in [fromDay, toDay), most sold first, at most <see cref="AdviceRules.MaxSkus"/>.</summary>
    public async Task<IReadOnlyList<SkuTotalRow>> SalesBySkuAsync(DbConnection connection, TenantId tenant, LocationId location, int fromDay, int toDay) =>
        [.. await connection.QueryAsync<SkuTotalRow>(
            """
            SELECT sku AS Sku, CAST(SUM(units) AS BIGINT) AS Units FROM network_daily_sales
            WHERE tenant_id = @Tenant AND location_id = @Location AND day >= @From AND day < @To
            GROUP BY sku ORDER BY SUM(units) DESC, sku LIMIT @Limit
            """, new { Tenant = tenant.Value, Location = location.Value, From = fromDay, To = toDay, Limit = AdviceRules.MaxSkus })];

    /// <summary>Replaces the shop location's profile and its SKUs.</summary>
    public async Task ReplaceProfileAsync(DbSession session, TenantId platform, ProfileRow row, IEnumerable<SkuTotalRow> skus)
    {
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO network_advice_profile (platform_id, shop_id, location_id, agreement_id, latitude, longitude, shares_baskets, weeks, units, to_day, refreshed_at_ms)
            VALUES (@Platform, @ShopId, @LocationId, @AgreementId, @Latitude, @Longitude, @SharesBaskets, @Weeks, @Units, @ToDay, @RefreshedAtMs)
            ON CONFLICT (platform_id, shop_id, location_id) DO UPDATE SET agreement_id = excluded.agreement_id, latitude = excluded.latitude,
                longitude = excluded.longitude, shares_baskets = excluded.shares_baskets, weeks = excluded.weeks, units = excluded.units,
                to_day = excluded.to_day, refreshed_at_ms = excluded.refreshed_at_ms
            """,
            new
            {
                Platform = platform.Value, row.ShopId, row.LocationId, row.AgreementId, row.Latitude, row.Longitude, row.SharesBaskets, row.Weeks, row.Units,
                row.ToDay, row.RefreshedAtMs,
            }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "DELETE FROM network_advice_profile_sku WHERE shop_id = @ShopId AND location_id = @LocationId", new { row.ShopId, row.LocationId }, session.Transaction);
        await ProfileSkus.ExecuteAsync(session, [row.ShopId, row.LocationId], skus.Select(s => new object?[] { s.Sku, s.Units }));
    }

    /// <summary>The profiles of the platform's shops on it now (a shop that left feeds no advice), at most 1,000 shops' locations.</summary>
    public async Task<IReadOnlyList<ProfileRow>> ActiveProfilesAsync(DbConnection connection, TenantId platform) =>
        [.. await connection.QueryAsync<ProfileRow>(
            $"""
            SELECT {ProfileColumns} FROM network_advice_profile
            WHERE platform_id = @Platform
              AND agreement_id IN (SELECT agreement_id FROM network_agreement WHERE platform_id = @Platform AND left_at_ms IS NULL)
            ORDER BY shop_id, location_id LIMIT @Limit
            """, new { Platform = platform.Value, Limit = AgreementStore.MaxListed })];

    /// <summary>The SKUs of the named shops' profiles (the caller keeps the locations it asked for).</summary>
    public async Task<IReadOnlyList<ProfileSkuRow>> ProfileSkusAsync(DbConnection connection, IReadOnlyCollection<string> shops) =>
        shops.Count == 0
            ? []
            : [.. await connection.QueryAsync<ProfileSkuRow>(
                $"SELECT shop_id AS ShopId, location_id AS LocationId, sku AS Sku, units AS Units FROM network_advice_profile_sku WHERE {SqlLists.In(connection, "shop_id", "Shops")}",
                new { Shops = shops.Distinct().ToArray() })];
}
