using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Data;
using UniRetail.Fulfillment;
using UniRetail.Identity;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory;
using UniRetail.Kernel;
using UniRetail.Loyalty;
using UniRetail.Members;
using UniRetail.Network.Agreements;
using UniRetail.Network.PickupPoints;
using UniRetail.Orders;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;
using UniRetail.Promotions;
using Xunit;

namespace UniRetail.Network.Tests;

/// <summary>
/// The shop of <see cref="ShopNetworkTest"/> as a pickup point of its platform (3 parcels a day, 0.50 a parcel handed
/// over, parcels wait 7 days), with the platform's orders placed through the real Orders module and routed by Fulfillment.
/// </summary>
public abstract class PickupPointTests(DatabaseProvider provider) : ShopNetworkTest(provider)
{
    private PickupPointView _point = null!;

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddFulfillmentModule().AddPromotionsModule()
            .AddLoyaltyModule().AddOrdersModule().AddNetworkModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _point = (await SetPointAsync(Platform, Agreement.Id, capacity: 3)).Value;
    }

    private Task<Result<PickupPointView>> SetPointAsync(Caller platform, string agreement, int? capacity = 3, decimal? fee = 0.50m, int? holdDays = 7,
        double? latitude = 30.25, string? timeZone = "Asia/Shanghai", string? address = "12 Hefang Street") =>
        Get<ManagePickupPoints>().SetAsync(platform, agreement, new PickupPointRequest(address, latitude, 120.16, timeZone,
            new Dictionary<string, string> { ["friday"] = "08:00-20:00", ["saturday"] = "09:00-18:00" }, capacity, fee, holdDays), None);

    private Task<Result<PlacedOrder>> OrderAtPointAsync(string? store = null, bool paid = true, int units = 2, Caller? platform = null) =>
        Get<PlaceOrderHandler>().HandleAsync(platform ?? Platform,
            new PlaceOrderRequest("web", "pickup_in_store", store ?? _point.LocationId, null, null, null, paid, [new OrderLineRequest("MUG-W6", units)]), null, None);

    private async Task<ParcelView> OnlyParcelAsync(Caller? shop = null) => Assert.Single((await Get<ParcelCounter>().ListAsync(shop ?? Admin, null, None)).Value.Parcels);

    private Task<Result<ParcelView>> HandOverAsync(string parcel, string? code, Caller? shop = null) =>
        Get<ParcelCounter>().HandOverAsync(shop ?? Admin, parcel, new HandoverRequest(code), None);

    private async Task<string> OrderStatusAsync(string order) =>
        (await Get<OrderQueries>().GetAsync(Platform, new OrderId(order), None)).Value.Status;

    [Fact]
    public async Task AnOnlineOrderGoesToThePointAsAParcelFromTheDcAndIsHandedOverWithTheCustomersCode()
    {
        var order = (await OrderAtPointAsync()).Value.Order;

        Assert.Equal(("pickup_in_store", _point.LocationId), (order.Fulfilment, order.StoreId));
        Assert.All(order.Allocations, a => Assert.Equal(Dc, a.LocationId)); // the stock comes from the DC; the point holds none
        Assert.Equal("pickup_point.nearest_single_location", order.Routing.GetProperty("rule").GetString());
        Assert.Contains($"pickup point {_point.Code}", order.Routing.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{8}$", order.HandoverCode);

        var parcel = await OnlyParcelAsync();
        Assert.Equal(("expected", order.Id[^8..].ToUpperInvariant()), (parcel.Status, parcel.Label));
        Assert.Equal("arrived", (await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).Value.Status);
        Assert.Equal("ready_for_pickup", await OrderStatusAsync(order.Id));

        var wrong = order.HandoverCode == "00000000" ? "11111111" : "00000000";
        Assert.Equal(("network.wrong_handover_code", "code"), Problem(await HandOverAsync(parcel.Id, wrong)));
        Assert.Equal(4, (await OnlyParcelAsync()).AttemptsLeft);
        var handed = (await HandOverAsync(parcel.Id, $"{order.HandoverCode![..4]}-{order.HandoverCode[4..]}")).Value;

        Assert.Equal(("handed_over", 0.50m), (handed.Status, handed.Fee?.Amount));
        Assert.Equal("completed", await OrderStatusAsync(order.Id));
        Assert.Equal(600 - 2, (await StockAsync(Platform, "MUG-W6", Dc))!.OnHand); // the parcel's units left the DC with the handover
        Assert.Equal("network.parcel_closed", (await HandOverAsync(parcel.Id, order.HandoverCode)).Error?.Code); // once only

        var report = (await Get<PickupFees>().OfPlatformAsync(Platform, "2026-11-01", "2026-12-01", None)).Value;
        Assert.Equal((1L, 0.50m), (report.Parcels, report.Fees.Amount));
        Assert.Equal((Admin.Tenant.Value, "Lu's Corner Shop", 1L, 0.50m), (report.Shops[0].ShopId, report.Shops[0].ShopName, report.Shops[0].Parcels, report.Shops[0].Fees.Amount));
        var own = Assert.Single((await Get<PickupFees>().OfShopAsync(Admin, "2026-11-20", "2026-11-21", None)).Value.Platforms);
        Assert.Equal(("Hangzhou Wholesale", 1L, 0.50m, "GBP"), (own.Platform, own.Parcels, own.Fees.Amount, own.Fees.Currency));
        Assert.Empty((await Get<PickupFees>().OfShopAsync(Admin, "2026-11-21", "2026-11-22", None)).Value.Platforms);
    }

    [Fact]
    public async Task TheCodeIsTheSameOnEveryAnswerOfTheOrderAndNeverStored()
    {
        var first = (await Get<PlaceOrderHandler>().HandleAsync(Platform,
            new PlaceOrderRequest("web", "pickup_in_store", _point.LocationId, null, null, null, true, [new OrderLineRequest("MUG-W6", 1)]), "checkout-7", None)).Value;
        var replay = (await Get<PlaceOrderHandler>().HandleAsync(Platform,
            new PlaceOrderRequest("web", "pickup_in_store", _point.LocationId, null, null, null, true, [new OrderLineRequest("MUG-W6", 1)]), "checkout-7", None)).Value;

        Assert.True(replay.Replayed);
        Assert.Equal(first.Order.HandoverCode, replay.Order.HandoverCode);
        var stored = await Get<Database>().ReadAsync(async c =>
        {
            await using var command = c.CreateCommand();
            command.CommandText = "SELECT * FROM network_parcel";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            return values;
        }, None);
        Assert.DoesNotContain(stored, v => v.Contains(first.Order.HandoverCode!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullPointRefusesTheNextParcelAndTheNearbyListSaysSo()
    {
        for (var i = 0; i < 3; i++)
            Assert.True((await OrderAtPointAsync(units: 1)).IsSuccess);

        Assert.Equal(("fulfillment.pickup_point_full", "storeId"), Problem(await OrderAtPointAsync(units: 1)));
        var near = Assert.Single((await Get<FindPickupPoints>().NearAsync(Platform, 30.26, 120.15, null, None)).Value.Points);
        Assert.Equal((_point.LocationId, 3, 0, true), (near.LocationId, near.ParcelCapacity, near.ParcelsLeftToday, near.OpenNow)); // Friday 18:00 in Shanghai
        Assert.InRange(near.DistanceKm, 1.0, 1.6);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.True((await OrderAtPointAsync(units: 1)).IsSuccess); // a new day at the point
    }

    [Fact]
    public async Task ConcurrentOrdersNeverTakeMoreParcelsThanThePointTakesADay()
    {
        var placed = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => OrderAtPointAsync(units: 1))));

        Assert.Equal(3, placed.Count(p => p.IsSuccess));
        Assert.All(placed.Where(p => !p.IsSuccess), p => Assert.Equal("fulfillment.pickup_point_full", p.Error!.Code));
        Assert.Equal(3, (await Get<ParcelCounter>().ListAsync(Admin, "expected", None)).Value.Parcels.Count);
        Assert.Equal(600 - 3, (await StockAsync(Platform, "MUG-W6", Dc))!.Available);
    }

    [Fact]
    public async Task FiveWrongCodesLockTheParcelForAQuarterOfAnHour()
    {
        var order = (await OrderAtPointAsync()).Value.Order;
        var parcel = await OnlyParcelAsync();
        Assert.True((await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).IsSuccess);
        var wrong = order.HandoverCode == "12345678" ? "87654321" : "12345678";

        for (var i = 0; i < 4; i++)
            Assert.Equal("network.wrong_handover_code", (await HandOverAsync(parcel.Id, wrong)).Error?.Code);
        Assert.Equal("network.handover_locked", (await HandOverAsync(parcel.Id, wrong)).Error?.Code);
        Assert.Equal("network.handover_locked", (await HandOverAsync(parcel.Id, order.HandoverCode)).Error?.Code); // even the right one
        Assert.Equal("ready_for_pickup", await OrderStatusAsync(order.Id));

        Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("handed_over", (await HandOverAsync(parcel.Id, order.HandoverCode)).Value.Status);
    }

    [Fact]
    public async Task NoOtherShopOrTenantSeesOrMovesTheParcel()
    {
        var order = (await OrderAtPointAsync()).Value.Order;
        var parcel = await OnlyParcelAsync();
        var otherShop = await NewTenantAsync("Chen's Grocery");
        Assert.True((await Get<SignUpShop>().LinkAsync(Platform.Tenant, otherShop.Tenant, new AgreementTermsRequest(Rep.Id, Dc, "friday", false, true), None)).IsSuccess);

        Assert.Empty((await Get<ParcelCounter>().ListAsync(otherShop, null, None)).Value.Parcels);
        Assert.Empty((await Get<ParcelCounter>().ListAsync(Platform, null, None)).Value.Parcels);
        Assert.Equal(("network.unknown_parcel", "id"), Problem(await Get<ParcelCounter>().ArriveAsync(otherShop, parcel.Id, None)));
        Assert.True((await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).IsSuccess);
        Assert.Equal(("network.unknown_parcel", "id"), Problem(await HandOverAsync(parcel.Id, order.HandoverCode, otherShop)));
        Assert.Equal(("network.unknown_parcel", "id"), Problem(await Get<ParcelCounter>().ReturnAsync(Platform, parcel.Id, None)));
        Assert.Equal(ParcelRulesMax, (await OnlyParcelAsync()).AttemptsLeft); // the strangers' tries never reached it

        // Another platform can neither make this shop its point nor send an order to the point.
        var rival = await NewTenantAsync("Ningbo Cash & Carry");
        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await SetPointAsync(rival, Agreement.Id)));
        Assert.Equal(("orders.unknown_store", "storeId"), Problem(await OrderAtPointAsync(platform: rival)));
        Assert.Empty((await Get<FindPickupPoints>().NearAsync(rival, 30.25, 120.16, null, None)).Value.Points);
    }

    private const int ParcelRulesMax = 5;

    private static (string?, string?) Problem<T>(Result<T> result) => (result.Error?.Code, result.Error?.Field);

    [Fact]
    public async Task AShopThatLeavesStopsReceivingParcelsButHandsOverThoseOnTheirWay()
    {
        var order = (await OrderAtPointAsync()).Value.Order;
        Assert.True((await Get<ShopAgreements>().LeaveAsync(Admin, None)).IsSuccess);

        Assert.Equal(("fulfillment.not_a_pickup_store", "storeId"), Problem(await OrderAtPointAsync()));
        Assert.Empty((await Get<FindPickupPoints>().NearAsync(Platform, 30.25, 120.16, null, None)).Value.Points);
        Assert.Empty(await Get<ManagePickupPoints>().ListAsync(Platform, None));
        Assert.Equal("network.shop_left", (await SetPointAsync(Platform, Agreement.Id)).Error?.Code);
        var parcel = await OnlyParcelAsync();
        Assert.True((await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).IsSuccess);
        Assert.Equal("handed_over", (await HandOverAsync(parcel.Id, order.HandoverCode)).Value.Status);
    }

    [Fact]
    public async Task ThePlatformStopsAPointAndStartsItAgainOnTheSameLocation()
    {
        var stopped = (await Get<ManagePickupPoints>().StopAsync(Platform, Agreement.Id, None)).Value;
        Assert.False(stopped.Active);
        Assert.False((await Get<ShopAgreements>().GetAsync(Admin, None)).Value.PickupPoint);
        Assert.Equal("fulfillment.not_a_pickup_store", (await OrderAtPointAsync()).Error?.Code);
        Assert.Equal("network.not_a_pickup_point", (await Get<ManagePickupPoints>().StopAsync(Platform, Agreement.Id, None)).Error?.Code);

        var again = (await SetPointAsync(Platform, Agreement.Id, capacity: 5, fee: 0.80m)).Value;
        Assert.Equal((_point.LocationId, true, 5, 0.80m), (again.LocationId, again.Active, again.ParcelCapacity, again.FeePerParcel.Amount));
        Assert.True((await Get<ShopAgreements>().GetAsync(Admin, None)).Value.PickupPoint);
        Assert.True((await OrderAtPointAsync()).IsSuccess);
    }

    [Fact]
    public async Task StoppingAPointTurnsOffOnlyItsPickupAndKeepsWhatAnotherServerChangedInTheLocation()
    {
        var directory = Get<ILocationDirectory>();
        var location = new LocationId(_point.LocationId);
        Assert.Equal("12 Hefang Street", (await directory.FindAsync(Platform.Tenant, location, None))!.Address); // now in this server's cache
        // Another server moves the counter; this server still holds the old copy for up to 30 s.
        await Get<Database>().WriteAsync<Unit>(async session =>
        {
            await session.Connection.ExecuteAsync("UPDATE identity_location SET address = '14 Hefang Street' WHERE tenant_id = @Tenant AND location_id = @Location",
                new { Tenant = Platform.Tenant.Value, Location = location.Value }, session.Transaction);
            return Unit.Value;
        }, None);

        var stopped = (await Get<ManagePickupPoints>().StopAsync(Platform, Agreement.Id, None)).Value;

        Assert.Equal(("14 Hefang Street", false), (stopped.Address, stopped.Active));
        var stored = (await directory.FindAsync(Platform.Tenant, location, None))!;
        Assert.Equal(("14 Hefang Street", false, LocationKind.PickupPoint), (stored.Address, stored.Pickup, stored.Kind));
    }

    [Fact]
    public async Task AnUncollectedParcelGoesBackAfterItsHoldDaysAndReleasesTheStock()
    {
        var order = (await OrderAtPointAsync()).Value.Order;
        var parcel = await OnlyParcelAsync();
        Assert.Equal(("network.parcel_not_arrived", "id"), Problem(await Get<ParcelCounter>().ReturnAsync(Admin, parcel.Id, None)));
        Assert.Equal("network.parcel_not_arrived", (await HandOverAsync(parcel.Id, order.HandoverCode)).Error?.Code);
        Assert.True((await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).IsSuccess);
        Assert.Equal("network.parcel_already_arrived", (await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).Error?.Code);

        Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal("network.parcel_not_due", (await Get<ParcelCounter>().ReturnAsync(Admin, parcel.Id, None)).Error?.Code);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("returned", (await Get<ParcelCounter>().ReturnAsync(Admin, parcel.Id, None)).Value.Status);

        Assert.Equal("cancelled", await OrderStatusAsync(order.Id));
        Assert.Equal(600, (await StockAsync(Platform, "MUG-W6", Dc))!.Available);
        Assert.Equal("network.parcel_closed", (await HandOverAsync(parcel.Id, order.HandoverCode)).Error?.Code);
        Assert.Equal(0L, (await Get<PickupFees>().OfPlatformAsync(Platform, "2026-11-01", "2026-12-31", None)).Value.Parcels); // no fee
    }

    [Fact]
    public async Task AnOrderThePlatformCancelsCancelsItsParcelAndAnUnpaidOneCannotHaveArrived()
    {
        var cancelled = (await OrderAtPointAsync()).Value.Order;
        Assert.True((await Get<OrderLifecycle>().CancelAsync(Platform, new OrderId(cancelled.Id), new CancelOrderRequest("customer changed their mind"), None)).IsSuccess);
        var parcel = await OnlyParcelAsync();
        Assert.Equal(("cancelled", true), (parcel.Status, parcel.OrderCancelled));
        Assert.Equal("network.parcel_cancelled", (await Get<ParcelCounter>().ArriveAsync(Admin, parcel.Id, None)).Error?.Code);

        var unpaid = (await OrderAtPointAsync(paid: false)).Value.Order;
        var expected = Assert.Single((await Get<ParcelCounter>().ListAsync(Admin, "expected", None)).Value.Parcels);
        Assert.Equal(("network.parcel_not_dispatched", "id"), Problem(await Get<ParcelCounter>().ArriveAsync(Admin, expected.Id, None)));
        Assert.Equal("expected", (await OnlyExpectedAsync()).Status); // nothing written behind the refusal
        Assert.Equal("placed", await OrderStatusAsync(unpaid.Id));
    }

    private async Task<ParcelView> OnlyExpectedAsync() => Assert.Single((await Get<ParcelCounter>().ListAsync(Admin, "expected", None)).Value.Parcels);

    [Theory]
    [InlineData(0, 0.5, 7, 30.25, "Asia/Shanghai", "x", "network.bad_parcel_capacity", "parcelCapacity")]
    [InlineData(null, 0.5, 7, 30.25, "Asia/Shanghai", "x", "network.required", "parcelCapacity")]
    [InlineData(3, -1.0, 7, 30.25, "Asia/Shanghai", "x", "network.bad_fee", "feePerParcel")]
    [InlineData(3, 0.505, 7, 30.25, "Asia/Shanghai", "x", "network.bad_fee", "feePerParcel")]
    [InlineData(3, 0.5, 31, 30.25, "Asia/Shanghai", "x", "network.bad_hold_days", "holdDays")]
    [InlineData(3, 0.5, 7, 91.0, "Asia/Shanghai", "x", "network.bad_position", "latitude")]
    [InlineData(3, 0.5, 7, null, "Asia/Shanghai", "x", "network.required", "latitude")]
    [InlineData(3, 0.5, 7, 30.25, "Mars/Olympus", "x", "network.bad_time_zone", "timeZone")]
    [InlineData(3, 0.5, 7, 30.25, "Asia/Shanghai", "", "network.bad_address", "address")]
    public async Task BadTermsMakeNoPointAndChangeNothing(int? capacity, double? fee, int? holdDays, double? latitude, string zone, string address, string code, string field)
    {
        var refused = await SetPointAsync(Platform, Agreement.Id, capacity, (decimal?)fee, holdDays, latitude, zone, address);

        Assert.Equal((code, field), Problem(refused));
        var point = Assert.Single(await Get<ManagePickupPoints>().ListAsync(Platform, None));
        Assert.Equal((3, 0.50m, "12 Hefang Street"), (point.ParcelCapacity, point.FeePerParcel.Amount, point.Address));
    }

    [Theory]
    [InlineData(null, 120.0, null, "network.required", "lat")]
    [InlineData(95.0, 120.0, null, "network.bad_position", "lat")]
    [InlineData(30.0, 190.0, null, "network.bad_position", "lon")]
    [InlineData(30.0, 120.0, 0, "network.bad_limit", "limit")]
    [InlineData(30.0, 120.0, 51, "network.bad_limit", "limit")]
    public async Task BadSearchesAreRefused(double? lat, double? lon, int? limit, string code, string field) =>
        Assert.Equal((code, field), Problem(await Get<FindPickupPoints>().NearAsync(Platform, lat, lon, limit, None)));

    [Fact]
    public async Task BadCounterInputIsRefused()
    {
        Assert.Equal(("network.bad_parcel_status", "status"), Problem(await Get<ParcelCounter>().ListAsync(Admin, "lost", None)));
        Assert.Equal(("network.required", "code"), Problem(await HandOverAsync("pcl_nothing", " ")));
        Assert.Equal(("network.unknown_parcel", "id"), Problem(await HandOverAsync("pcl_nothing", "12345678")));
        Assert.Equal(("network.bad_period", "to"), Problem(await Get<PickupFees>().OfShopAsync(Admin, "2026-11-01", "2026-11-01", None)));
        Assert.Equal(("network.bad_period", "from"), Problem(await Get<PickupFees>().OfPlatformAsync(Platform, "11/01/2026", "2026-12-01", None)));
    }

    [Fact]
    public async Task TheNearestPointsComeFirstWithTheirHours()
    {
        var second = await NewTenantAsync("Chen's Grocery");
        var agreement = (await Get<SignUpShop>().LinkAsync(Platform.Tenant, second.Tenant, new AgreementTermsRequest(Rep.Id, Dc, "friday", false, true), None)).Value;
        Assert.True((await SetPointAsync(Platform, agreement.Id, latitude: 30.30)).IsSuccess);

        var near = (await Get<FindPickupPoints>().NearAsync(Platform, 30.31, 120.16, 1, None)).Value.Points;

        var only = Assert.Single(near);
        Assert.Equal(("Chen's Grocery", "08:00-20:00"), (only.ShopName, only.OpeningHours["friday"]));
        Assert.Equal(LocationKind.PickupPoint, (await Get<ILocationDirectory>().FindAsync(Platform.Tenant, new LocationId(only.LocationId), None))!.Kind);
        Assert.Equal(2, (await Get<FindPickupPoints>().NearAsync(Platform, 30.31, 120.16, null, None)).Value.Points.Count);
    }
}

public sealed class PickupPointSqliteTests() : PickupPointTests(DatabaseProvider.Sqlite);

public sealed class PickupPointPostgresTests() : PickupPointTests(DatabaseProvider.Postgres);
