using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record PickupPointDto(string AgreementId, string LocationId, string Code, bool Active, int ParcelCapacity, MoneyDto FeePerParcel, int HoldDays);

public sealed record NearbyPointDto(string LocationId, string ShopName, double DistanceKm, bool OpenNow, int ParcelCapacity, int ParcelsLeftToday, IReadOnlyDictionary<string, string> OpeningHours);

public sealed record NearbyPointsDto(IReadOnlyList<NearbyPointDto> Points);

public sealed record PickupOrderDto(string Id, string Status, string? StoreId, string? HandoverCode);

public sealed record ParcelDto(string Id, string Label, string Status, int AttemptsLeft, MoneyDto? Fee);

public sealed record ParcelListDto(IReadOnlyList<ParcelDto> Parcels);

public sealed record ShopFeesDto(string ShopId, string ShopName, long Parcels, MoneyDto Fees);

public sealed record PlatformFeesDto(long Parcels, MoneyDto Fees, IReadOnlyList<ShopFeesDto> Shops);

public sealed record FeesOfShopDto(string Platform, long Parcels, MoneyDto Fees);

public sealed record OwnFeesDto(IReadOnlyList<FeesOfShopDto> Platforms);

/// <summary>Shops as pickup points over HTTP: the platform's online order goes to a shop's counter and the shop hands it over on the customer's code.</summary>
public abstract class PickupPointApiTests(ServerFixture server) : ServerTests(server)
{
    private const string Mugs = "MUG-PP";

    private async Task<(Retailer Platform, Location Dc, Retailer Shop, PickupPointDto Point)> APointAsync(int capacity = 2)
    {
        var platform = await NewRetailerAsync("Hangzhou Wholesale");
        var dc = await platform.AddWarehouseAsync(London.ParkRoyal);
        await platform.AddProductAsync(Mugs, 4.50m);
        await platform.ReceiveAsync(dc, Mugs, 50);
        var rep = await (await platform.Admin.PostAsJsonAsync("/api/network/reps", new { name = "Zhang Wei" }, Ct)).ShouldBeAsync<RepDto>(HttpStatusCode.Created);
        var signed = await (await platform.Admin.PostAsJsonAsync("/api/network/shops",
            new { name = "Lu's Corner Shop", repId = rep.Id, warehouseId = dc.Id, pickupPoint = true }, Ct)).ShouldBeAsync<SignedUpShopDto>(HttpStatusCode.Created);
        var point = await (await platform.Admin.PutAsJsonAsync($"/api/network/shops/{signed.Agreement.Id}/pickup-point", new
        {
            address = "12 Parkway, Camden", latitude = London.Camden.Latitude, longitude = London.Camden.Longitude, timeZone = "Europe/London",
            openingHours = new Dictionary<string, string> { ["monday"] = "07:00-22:00" }, parcelCapacity = capacity, feePerParcel = 0.40m,
        }, Ct)).ShouldBeAsync<PickupPointDto>(HttpStatusCode.OK);
        return (platform, dc, Retailer.WithAdminKey(Server.Factory, signed.AdminKey), point);
    }

    private static async Task<HttpResponseMessage> OrderAtAsync(Retailer platform, string store, int quantity = 1) =>
        await platform.Admin.PostAsJsonAsync("/api/orders", new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = store, paymentCaptured = true, lines = new[] { new { sku = Mugs, quantity } },
        }, Ct);

    private static async Task<ParcelDto> OnlyParcelAsync(Retailer shop) =>
        Assert.Single((await (await shop.Admin.GetAsync("/api/shop/parcels", Ct)).ShouldBeAsync<ParcelListDto>(HttpStatusCode.OK)).Parcels);

    [Fact]
    public async Task ACustomerCollectsAnOnlineOrderAtTheShopWithTheCodeAndTheShopEarnsTheFee()
    {
        var (platform, dc, shop, point) = await APointAsync();
        Assert.Equal("pickup_point", (await (await platform.Admin.GetAsync($"/api/locations/{point.LocationId}", Ct)).ShouldBeAsync<Location>(HttpStatusCode.OK)).Kind);
        var near = await (await platform.Admin.GetAsync($"/api/network/pickup-points/near?lat={London.Camden.Latitude}&lon={London.Camden.Longitude}", Ct))
            .ShouldBeAsync<NearbyPointsDto>(HttpStatusCode.OK);
        Assert.Equal((point.LocationId, "Lu's Corner Shop", 2, 2, "07:00-22:00"),
            near.Points.Select(p => (p.LocationId, p.ShopName, p.ParcelCapacity, p.ParcelsLeftToday, p.OpeningHours["monday"])).Single());

        var order = await (await OrderAtAsync(platform, point.LocationId, 3)).ShouldBeAsync<PickupOrderDto>(HttpStatusCode.Created);
        Assert.Matches("^[0-9]{8}$", order.HandoverCode);
        Assert.Equal(new StockLevel(Mugs, dc.Id, 50, 3, 0, 0, 47), await platform.LevelAsync(Mugs, dc));

        var parcel = await OnlyParcelAsync(shop);
        Assert.Equal("expected", parcel.Status);
        await (await shop.Admin.PostAsync($"/api/shop/parcels/{parcel.Id}/arrive", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("ready_for_pickup", (await platform.GetOrderAsync(order.Id)).Status);
        await (await shop.Admin.PostAsJsonAsync($"/api/shop/parcels/{parcel.Id}/handover", new { code = "0000000" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.wrong_handover_code", "code");
        var handed = await (await shop.Admin.PostAsJsonAsync($"/api/shop/parcels/{parcel.Id}/handover", new { code = order.HandoverCode }, Ct))
            .ShouldBeAsync<ParcelDto>(HttpStatusCode.OK);

        Assert.Equal(("handed_over", 0.40m), (handed.Status, handed.Fee?.Amount));
        Assert.Equal("completed", (await platform.GetOrderAsync(order.Id)).Status);
        Assert.Equal(new StockLevel(Mugs, dc.Id, 47, 0, 0, 0, 47), await platform.LevelAsync(Mugs, dc));
        Assert.True((await platform.CheckLedgerAsync()).Consistent);
        var fees = await (await platform.Admin.GetAsync("/api/network/pickup-fees?from=2026-01-01&to=2027-01-01", Ct)).ShouldBeAsync<PlatformFeesDto>(HttpStatusCode.OK);
        Assert.Equal(("Lu's Corner Shop", 1L, 0.40m), fees.Shops.Select(s => (s.ShopName, s.Parcels, s.Fees.Amount)).Single());
        var own = await (await shop.Admin.GetAsync("/api/shop/pickup-fees?from=2026-01-01&to=2027-01-01", Ct)).ShouldBeAsync<OwnFeesDto>(HttpStatusCode.OK);
        Assert.Equal(("Hangzhou Wholesale", 1L, 0.40m), own.Platforms.Select(p => (p.Platform, p.Parcels, p.Fees.Amount)).Single());
    }

    [Fact]
    public async Task AFullPointIsAClearProblemAndConcurrentOrdersNeverOverfillIt()
    {
        var (platform, _, shop, point) = await APointAsync(capacity: 2);

        var placed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OrderAtAsync(platform, point.LocationId)));

        Assert.Equal(2, placed.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in placed.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.pickup_point_full", "storeId");
        Assert.Equal(2, (await (await shop.Admin.GetAsync("/api/shop/parcels?status=expected", Ct)).ShouldBeAsync<ParcelListDto>(HttpStatusCode.OK)).Parcels.Count);
    }

    [Fact]
    public async Task NoOtherShopOrPlatformReachesTheParcelOrThePoint()
    {
        var (platform, _, shop, point) = await APointAsync();
        var order = await (await OrderAtAsync(platform, point.LocationId)).ShouldBeAsync<PickupOrderDto>(HttpStatusCode.Created);
        var parcel = await OnlyParcelAsync(shop);
        var (rival, _, otherShop, _) = await APointAsync();

        Assert.Empty((await (await otherShop.Admin.GetAsync("/api/shop/parcels", Ct)).ShouldBeAsync<ParcelListDto>(HttpStatusCode.OK)).Parcels);
        await (await otherShop.Admin.PostAsync($"/api/shop/parcels/{parcel.Id}/arrive", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_parcel", "id");
        await (await otherShop.Admin.PostAsJsonAsync($"/api/shop/parcels/{parcel.Id}/handover", new { code = order.HandoverCode }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_parcel", "id");
        await (await platform.Admin.PostAsync($"/api/shop/parcels/{parcel.Id}/return", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_parcel", "id");
        await (await OrderAtAsync(rival, point.LocationId)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_store", "storeId");
        await (await rival.Admin.PutAsJsonAsync($"/api/network/shops/{point.AgreementId}/pickup-point", new { parcelCapacity = 5 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop", "agreementId");
        Assert.Equal("expected", (await OnlyParcelAsync(shop)).Status);
    }

    [Fact]
    public async Task AShopThatLeavesGetsNoNewParcels()
    {
        var (platform, _, shop, point) = await APointAsync();

        await (await shop.Admin.PostAsync("/api/shop/agreement/leave", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await OrderAtAsync(platform, point.LocationId)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "fulfillment.not_a_pickup_store", "storeId");
        Assert.Empty((await (await platform.Admin.GetAsync("/api/network/pickup-points/near?lat=51.5&lon=-0.1", Ct)).ShouldBeAsync<NearbyPointsDto>(HttpStatusCode.OK)).Points);
    }

    [Theory]
    [InlineData("/api/network/pickup-points/near?lat=51.5", "network.required", "lon")]
    [InlineData("/api/network/pickup-points/near?lat=91&lon=0", "network.bad_position", "lat")]
    [InlineData("/api/network/pickup-points/near?lat=51.5&lon=0&limit=500", "network.bad_limit", "limit")]
    [InlineData("/api/network/pickup-fees?from=2026-12-01&to=2026-11-01", "network.bad_period", "to")]
    [InlineData("/api/shop/parcels?status=lost", "network.bad_parcel_status", "status")]
    public async Task BadQueriesAreProblemsWithTheirField(string path, string code, string field)
    {
        var (platform, _, _, _) = await APointAsync();
        await (await platform.Admin.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task BadTermsAreProblemsAndChangeNothing()
    {
        var (platform, _, _, point) = await APointAsync();

        await (await platform.Admin.PutAsJsonAsync($"/api/network/shops/{point.AgreementId}/pickup-point", new
        {
            address = "12 Parkway", latitude = 51.5, longitude = -0.1, parcelCapacity = 20_000, feePerParcel = 0.40m,
        }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.bad_parcel_capacity", "parcelCapacity");
        await (await platform.Admin.PutAsJsonAsync($"/api/network/shops/{point.AgreementId}/pickup-point", new
        {
            address = "12 Parkway", latitude = 51.5, longitude = -0.1, openingHours = new Dictionary<string, string> { ["funday"] = "09:00-17:00" }, parcelCapacity = 5, feePerParcel = 0.40m,
        }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.bad_opening_hours", "openingHours.funday");

        var points = await (await platform.Admin.GetAsync("/api/network/pickup-points", Ct)).ShouldBeAsync<List<PickupPointDto>>(HttpStatusCode.OK);
        Assert.Equal((2, 0.40m), points.Select(p => (p.ParcelCapacity, p.FeePerParcel.Amount)).Single());
    }
}

public sealed class PickupPointApiSqliteTests(SqliteServer server) : PickupPointApiTests(server), IClassFixture<SqliteServer>;

public sealed class PickupPointApiPostgresTests(PostgresServer server) : PickupPointApiTests(server), IClassFixture<PostgresServer>;
