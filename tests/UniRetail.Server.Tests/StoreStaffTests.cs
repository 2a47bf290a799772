using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>A store_staff key acts at its own store only; a marketer reads but never sells.</summary>
public abstract class StoreStaffTests(ServerFixture server) : ServerTests(server)
{
    private async Task<(Retailer Retailer, Location CoventGarden, Location Camden, string Sku)> TwoStoresAsync()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 5);
        await retailer.ReceiveAsync(camden, sku, 5);
        return (retailer, coventGarden, camden, sku);
    }

    private static object AReceipt(Location at, string sku) => new { locationId = at.Id, reference = "GRN-77", lines = new[] { new { sku, quantity = 4 } } };

    [Fact]
    public async Task StaffOfOneStoreCannotSellAtAnother()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var staff = await retailer.KeyForStoreAsync(coventGarden);

        var response = await retailer.PlaceOrderAsync(AnOrder.InStoreAt(camden).WithLine(sku, 1), client: staff);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        Assert.Empty(await retailer.ListOrdersAsync());
        Assert.Equal(5, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task StaffOfOneStoreCannotReceiveStockAtAnother()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var staff = await retailer.KeyForStoreAsync(coventGarden);

        var response = await staff.PostAsJsonAsync("/api/inventory/receipts", AReceipt(camden, sku), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "locationId");
        Assert.Equal(5, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task StaffSellAndReceiveAtTheirOwnStore()
    {
        var (retailer, coventGarden, _, sku) = await TwoStoresAsync();
        var staff = await retailer.KeyForStoreAsync(coventGarden);

        await (await staff.PostAsJsonAsync("/api/inventory/receipts", AReceipt(coventGarden, sku), Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var sold = await (await retailer.PlaceOrderAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 2), client: staff)).ShouldBeAsync<Order>(HttpStatusCode.Created);

        Assert.Equal("completed", sold.Status);
        Assert.Equal(7, (await retailer.LevelAsync(sku, coventGarden)).OnHand);
    }

    [Fact]
    public async Task StaffTakeBackAtTheirStoreAnOrderSoldAtAnother()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 1));
        var camdenStaff = await retailer.KeyForStoreAsync(camden);
        var coventGardenStaff = await retailer.KeyForStoreAsync(coventGarden);
        var atCamden = new { storeId = camden.Id, condition = "resellable", lines = new[] { new { lineNo = 1, quantity = 1 } } };

        await (await coventGardenStaff.PostAsJsonAsync($"/api/orders/{order.Id}/returns", atCamden, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        var returned = await (await camdenStaff.PostAsJsonAsync($"/api/orders/{order.Id}/returns", atCamden, Ct)).ShouldBeAsync<Order>(HttpStatusCode.OK);

        Assert.Equal("returned", returned.Status);
        Assert.Equal(6, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task StaffCannotConfirmOrReleaseACartHeldAtAnotherStoreButCanAtTheirOwn()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var coventGardenStaff = await retailer.KeyForStoreAsync(coventGarden);
        var camdenStaff = await retailer.KeyForStoreAsync(camden);
        var atCamden = new { reference = "basket-cm", lines = new[] { new { sku, locationId = camden.Id, quantity = 2 } } };
        await (await camdenStaff.PostAsJsonAsync("/api/inventory/holds", atCamden, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await coventGardenStaff.PostAsync("/api/inventory/holds/basket-cm/confirm", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "reference");
        await (await coventGardenStaff.DeleteAsync("/api/inventory/holds/basket-cm", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "reference");
        Assert.Equal(2, (await retailer.LevelAsync(sku, camden)).Reserved);

        await (await camdenStaff.PostAsync("/api/inventory/holds/basket-cm/confirm", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await camdenStaff.DeleteAsync("/api/inventory/holds/basket-cm", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await retailer.LevelAsync(sku, camden)).Reserved);
    }

    [Fact]
    public async Task StaffCannotHoldAtAnotherStoreNorMoveACartThatAlsoHoldsThere()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var staff = await retailer.KeyForStoreAsync(coventGarden);
        var atCamden = new { reference = "basket-1", lines = new[] { new { sku, locationId = camden.Id, quantity = 1 } } };
        var atBoth = new
        {
            reference = "basket-2",
            lines = new[] { new { sku, locationId = coventGarden.Id, quantity = 1 }, new { sku, locationId = camden.Id, quantity = 1 } },
        };
        await (await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", atBoth, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await staff.PostAsJsonAsync("/api/inventory/holds", atCamden, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "lines[0].locationId");
        await (await staff.DeleteAsync("/api/inventory/holds/basket-2", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "reference");

        Assert.Equal((1L, 1L), ((await retailer.LevelAsync(sku, coventGarden)).Reserved, (await retailer.LevelAsync(sku, camden)).Reserved));
    }

    [Fact]
    public async Task StaffCannotPlaceAnOrderThatNamesNoStore()
    {
        var (retailer, coventGarden, _, sku) = await TwoStoresAsync();
        var staff = await retailer.KeyForStoreAsync(coventGarden);

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1), client: staff);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        Assert.Empty(await retailer.ListOrdersAsync());
    }

    [Fact]
    public async Task AMarketerReadsOrdersButCannotPlaceThem()
    {
        var (retailer, coventGarden, _, sku) = await TwoStoresAsync();
        await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 1));
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1), client: marketer);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        Assert.Single((await (await marketer.GetAsync("/api/orders", Ct)).ShouldBeAsync<Page<OrderSummary>>(HttpStatusCode.OK)).Items);
    }

    [Fact]
    public async Task AStaffKeyCannotBeBoundToAWarehouse()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);

        var response = await retailer.Admin.PostAsJsonAsync("/api/keys", new { role = "store_staff", storeId = warehouse.Id }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.not_a_store", "storeId");
    }
}

public sealed class StoreStaffSqliteTests(SqliteServer server) : StoreStaffTests(server), IClassFixture<SqliteServer>;

public sealed class StoreStaffPostgresTests(PostgresServer server) : StoreStaffTests(server), IClassFixture<PostgresServer>;
