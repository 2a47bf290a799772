using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// The inventory API moves only carts. An order's holds move with the order: releasing a paid order's hold through the
/// inventory API once let a second order take the same unit, both shipped, and the ledger still balanced.
/// </summary>
public abstract class HoldsApiTests(ServerFixture server) : ServerTests(server)
{
    private static object ACart(string? reference, Location at, string sku, int quantity) =>
        new { reference, holdMinutes = 15, lines = new[] { new { sku, locationId = at.Id, quantity } } };

    private async Task<(Retailer Retailer, Location Warehouse, string Sku)> OneUnitAsync()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 1);
        return (retailer, warehouse, sku);
    }

    [Fact]
    public async Task APaidOrdersHoldCannotBeReleasedOrConfirmedThroughTheInventoryApiSoTheUnitIsSoldOnce()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();
        var first = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        var released = await retailer.Admin.DeleteAsync($"/api/inventory/holds/{first.Id}", Ct);
        var confirmed = await retailer.Admin.PostAsync($"/api/inventory/holds/{first.Id}/confirm", null, Ct);
        var second = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        await released.ShouldBeProblemAsync(HttpStatusCode.Conflict, "inventory.order_hold", "reference");
        await confirmed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "inventory.order_hold", "reference");
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.no_location_can_fulfil");
        Assert.Equal(new StockLevel(sku, warehouse.Id, 1, 1, 0, 0, 0), await retailer.LevelAsync(sku, warehouse));
        await retailer.MoveAsync(first, "start-picking");
        await retailer.MoveAsync(first, "ship");
        Assert.Single(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(sku, warehouse.Id, 0, 0, 0, 0, 0), await retailer.LevelAsync(sku, warehouse));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ACartNamedLikeAnOrderIsReleasedWithoutTouchingTheOrdersHold()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();
        await retailer.ReceiveAsync(warehouse, sku, 1);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));
        await (await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart(order.Id, warehouse, sku, 1), Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await retailer.Admin.DeleteAsync($"/api/inventory/holds/{order.Id}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(new StockLevel(sku, warehouse.Id, 2, 1, 0, 0, 1), await retailer.LevelAsync(sku, warehouse));
        Assert.Equal("allocated", (await retailer.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task ARetriedCartHoldAnswersTheFirstHoldAndHoldsNothingTwice()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();
        await retailer.ReceiveAsync(warehouse, sku, 4);

        var first = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart("basket-88", warehouse, sku, 2), Ct);
        var retry = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart("basket-88", warehouse, sku, 2), Ct);
        var other = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart("basket-88", warehouse, sku, 3), Ct);

        var held = await first.ShouldBeAsync<Hold>(HttpStatusCode.Created);
        Assert.Equal("active", held.Status);
        Assert.Equal(new HoldLine(sku, warehouse.Id, 2), Assert.Single(held.Lines));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict, "inventory.hold_reference_reused", "reference");
        Assert.Equal(2, (await retailer.LevelAsync(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneCartHoldHoldOnce()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();
        await retailer.ReceiveAsync(warehouse, sku, 9);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart("basket-burst", warehouse, sku, 3), Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Equal(3, (await retailer.LevelAsync(sku, warehouse)).Reserved);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Theory]
    [InlineData("basket é")]
    [InlineData("basket\u0007")]
    [InlineData("ba/sket")]
    public async Task AHoldReferenceThatIsNotPrintableAsciiIsRefusedBeforeAnythingIsHeld(string reference)
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();

        var response = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart(reference, warehouse, sku, 1), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "inventory.bad_hold_reference", "reference");
        Assert.Contains("printable ASCII", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await retailer.LevelAsync(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task TheLocationOfACartHoldLeadsBackToItWhateverItsReference()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();

        var created = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", ACart("basket?id=7#top", warehouse, sku, 1), Ct);

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("/api/inventory/holds/basket%3Fid%3D7%23top", location);
        await (await retailer.Admin.PostAsync($"{location}/confirm", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await retailer.Admin.DeleteAsync(location, Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await retailer.LevelAsync(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task AHoldOfMoreLinesThanTheLimitIsRefused()
    {
        var (retailer, warehouse, sku) = await OneUnitAsync();
        var lines = Enumerable.Range(0, 101).Select(_ => new { sku, locationId = warehouse.Id, quantity = 1 }).ToArray();

        var response = await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", new { reference = "basket-big", lines }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "inventory.too_many_lines", "lines");
    }

    [Fact]
    public async Task AReceiptAnswersWhatItBookedAndCanBeReadBack()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        var body = new { locationId = warehouse.Id, reference = "GRN-4471", lines = new[] { new { sku, quantity = 12 } } };

        var response = await retailer.Admin.PostAsJsonAsync("/api/inventory/receipts", body, Ct);

        var receipt = await response.ShouldBeAsync<Receipt>(HttpStatusCode.Created);
        Assert.Equal($"/api/inventory/receipts/{receipt.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((warehouse.Id, "GRN-4471"), (receipt.LocationId, receipt.Reference));
        var entry = Assert.Single(receipt.Entries);
        Assert.Equal(new LedgerEntry(sku, warehouse.Id, "receipt", 12, 0, 0, receipt.Id), entry);
        var ledger = await (await retailer.Admin.GetAsync($"/api/inventory/ledger?sku={sku}", Ct)).ShouldBeAsync<Page<LedgerEntry>>(HttpStatusCode.OK);
        Assert.Equal(entry, Assert.Single(ledger.Items));
        var readBack = await retailer.Admin.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(await response.Content.ReadAsStringAsync(Ct), await readBack.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class HoldsApiSqliteTests(SqliteServer server) : HoldsApiTests(server), IClassFixture<SqliteServer>;

public sealed class HoldsApiPostgresTests(PostgresServer server) : HoldsApiTests(server), IClassFixture<PostgresServer>;
