using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record SimilarShopDto(string Label, double Similarity, string? AgreementId);

public sealed record NetworkBasisDto(bool OnPlatform, IReadOnlyList<SimilarShopDto> SimilarShops, string? Note);

public sealed record SideBySideDto(string Sku, string Other, string Source, long Together, long Baskets, double Support, double Confidence, double Lift);

public sealed record EyeLevelDto(string Sku, long UnitsSold, MoneyDto? Price, int UnitsRank);

public sealed record ShopAdviceDto(string LocationId, NetworkBasisDto Network, IReadOnlyList<JsonElement> Add, IReadOnlyList<JsonElement> Drop, IReadOnlyList<SideBySideDto> SideBySide, IReadOnlyList<EyeLevelDto> EyeLevel);

/// <summary>Advice over HTTP: a shop sells at its till, and its till's baskets and sales come back as advice; who may read whose.</summary>
public abstract class ShopAdviceApiTests(ServerFixture server) : ServerTests(server)
{
    private const string MugGtin = "5012345000015", PotGtin = "5012345000022", TeaGtin = "5012345000039";

    private sealed record SignedShop(Retailer Shop, Location Store, string AgreementId);

    private async Task<(Retailer Platform, string Rep, Location Dc)> APlatformAsync(string name)
    {
        var platform = await NewRetailerAsync(name);
        var dc = await platform.AddWarehouseAsync(London.ParkRoyal);
        var rep = await (await platform.Admin.PostAsJsonAsync("/api/network/reps", new { name = "Zhang Wei" }, Ct)).ShouldBeAsync<RepDto>(HttpStatusCode.Created);
        return (platform, rep.Id, dc);
    }

    private async Task<SignedShop> ASignedUpShopAsync((Retailer Platform, string Rep, Location Dc) platform, string name)
    {
        var signed = await (await platform.Platform.Admin.PostAsJsonAsync("/api/network/shops",
            new { name, repId = platform.Rep, warehouseId = platform.Dc.Id, deliveryDay = "tuesday", sharesCustomers = true }, Ct)).ShouldBeAsync<SignedUpShopDto>(HttpStatusCode.Created);
        var shop = Retailer.WithAdminKey(Server.Factory, signed.AdminKey);
        return new SignedShop(shop, await shop.AddStoreAsync(London.Camden), signed.Agreement.Id);
    }

    private static async Task ProductAsync(Retailer retailer, string sku, string gtin, decimal price) =>
        await (await retailer.Admin.PostAsJsonAsync("/api/catalog/products", new
        {
            code = $"P-{sku}", name = sku, category = "Home/Kitchen", skus = new[] { new { sku, gtin, name = sku, price = new { amount = price, currency = "GBP" } } },
        }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

    [Fact]
    public async Task AShopsTillSalesComeBackAsItsSalesAndAsSideBySideAndEyeLevelAdvice()
    {
        var platform = await APlatformAsync("Hangzhou Wholesale");
        var (shop, store, agreement) = await ASignedUpShopAsync(platform, "Lu's Corner Shop");
        await ProductAsync(shop, "MUG-1", MugGtin, 4.50m);
        await ProductAsync(shop, "POT-1", PotGtin, 9.00m);
        await ProductAsync(shop, "TEA-1", TeaGtin, 2.00m);
        foreach (var sku in new[] { "MUG-1", "POT-1", "TEA-1" })
            await shop.ReceiveAsync(store, sku, 50);
        var till = await shop.KeyForStoreAsync(store);
        var session = (await (await till.PostAsJsonAsync($"/api/pos/{store.Id}/tills/T1/sessions", new { @float = new { amount = 100.00m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        for (var i = 0; i < 5; i++)
        {
            var lines = i switch
            {
                < 3 => new[] { new { gtin = MugGtin, quantity = 2 }, new { gtin = PotGtin, quantity = 1 } },
                3 => [new { gtin = MugGtin, quantity = 1 }],
                _ => [new { gtin = TeaGtin, quantity = 1 }],
            };
            await (await till.PostAsJsonAsync($"/api/pos/{store.Id}/checkout",
                new { sessionId = session, saleId = $"S-{i}", lines, payments = new[] { new { type = "cash", amount = new { amount = 50.00m } } } }, Ct))
                .ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var advice = await (await till.GetAsync($"/api/shop/advice?locationId={store.Id}", Ct)).ShouldBeAsync<ShopAdviceDto>(HttpStatusCode.OK);

        var pair = Assert.Single(advice.SideBySide);
        // 5 baskets, the mug in 4, the pot in 3, both in 3: lift 3 × 5 / (4 × 3) = 1.25.
        Assert.Equal(("MUG-1", "POT-1", "shop", 3L, 5L, 0.6, 1.25), (pair.Sku, pair.Other, pair.Source, pair.Together, pair.Baskets, pair.Support, pair.Lift));
        Assert.Equal([("MUG-1", 7L, 4.50m), ("POT-1", 3L, 9.00m), ("TEA-1", 1L, 2.00m)], advice.EyeLevel.Select(e => (e.Sku, e.UnitsSold, e.Price!.Amount)).Order());
        Assert.True(advice.Network.OnPlatform);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var shared = await (await platform.Platform.Admin.GetAsync($"/api/network/shops/{agreement}/sales?from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}", Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(11, shared.GetProperty("skus").EnumerateArray().Sum(s => s.GetProperty("units").GetInt64())); // the till's sales are the shop's shared sales
    }

    [Fact]
    public async Task AShopReadsOnlyItsOwnAdviceAndAPlatformOnlyItsOwnShops()
    {
        var platform = await APlatformAsync("Hangzhou Wholesale");
        var lu = await ASignedUpShopAsync(platform, "Lu's Corner Shop");
        var wang = await ASignedUpShopAsync(platform, "Wang's Mart");
        var other = await APlatformAsync("Ningbo Cash & Carry");

        await (await wang.Shop.Admin.GetAsync($"/api/shop/advice?locationId={lu.Store.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_location", "locationId");
        await (await lu.Shop.Admin.GetAsync("/api/shop/advice", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.required", "locationId");
        var seen = await (await platform.Platform.Admin.GetAsync($"/api/network/shops/{lu.AgreementId}/advice", Ct)).ShouldBeAsync<ShopAdviceDto>(HttpStatusCode.OK);
        Assert.Equal(lu.Store.Id, seen.LocationId);
        await (await other.Platform.Admin.GetAsync($"/api/network/shops/{lu.AgreementId}/advice", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop", "agreementId");
        await (await wang.Shop.Admin.GetAsync($"/api/network/shops/{lu.AgreementId}/advice", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop", "agreementId");
        await (await platform.Platform.Admin.GetAsync($"/api/network/shops/{lu.AgreementId}/advice?locationId={platform.Dc.Id}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop_location", "locationId");

        await (await lu.Shop.Admin.PostAsync("/api/shop/agreement/leave", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await platform.Platform.Admin.GetAsync($"/api/network/shops/{lu.AgreementId}/advice", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "network.shop_left", "agreementId");
        var own = await (await lu.Shop.Admin.GetAsync($"/api/shop/advice?locationId={lu.Store.Id}", Ct)).ShouldBeAsync<ShopAdviceDto>(HttpStatusCode.OK);
        Assert.False(own.Network.OnPlatform);
        Assert.NotNull(own.Network.Note);
        var refreshed = await (await platform.Platform.Admin.PostAsync("/api/network/advice/refresh", null, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(1, refreshed.GetProperty("shops").GetInt32()); // Wang's only: Lu's left
    }
}

public sealed class ShopAdviceApiSqliteTests(SqliteServer server) : ShopAdviceApiTests(server), IClassFixture<SqliteServer>;

public sealed class ShopAdviceApiPostgresTests(PostgresServer server) : ShopAdviceApiTests(server), IClassFixture<PostgresServer>;
