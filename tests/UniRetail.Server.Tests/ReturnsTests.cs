using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Returns anywhere: any store takes back any order, restocks it there (or sets it apart as damaged) and records the refund.</summary>
public abstract class ReturnsTests(ServerFixture server) : ServerTests(server)
{
    private static object AReturn(Location at, string condition, int quantity) =>
        new { storeId = at.Id, condition, reason = "did not fit the cupboard", lines = new[] { new { lineNo = 1, quantity } } };

    private async Task<(Retailer Retailer, Location CoventGarden, Location Camden, string Sku)> TwoStoresAsync()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(coventGarden, sku, 5);
        return (retailer, coventGarden, camden, sku);
    }

    [Fact]
    public async Task AnOrderSoldAtOneStoreIsReturnedAtAnotherAndTheStockLandsThere()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 3));

        var resellable = await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "resellable", 1), Ct))
            .ShouldBeAsync<Order>(HttpStatusCode.OK);

        Assert.Equal("partly_returned", resellable.Status);
        Assert.Equal(new Money(12.50m, "GBP"), resellable.Refunded);
        Assert.Equal(new StockLevel(sku, camden.Id, 1, 0, 0, 0, 1), await retailer.LevelAsync(sku, camden));
        Assert.Equal(2, (await retailer.LevelAsync(sku, coventGarden)).OnHand);

        var damaged = await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "damaged", 2), Ct))
            .ShouldBeAsync<Order>(HttpStatusCode.OK);

        Assert.Equal("returned", damaged.Status);
        Assert.Equal(new Money(37.50m, "GBP"), damaged.Refunded);
        Assert.Equal(new StockLevel(sku, camden.Id, 1, 0, 0, 2, 1), await retailer.LevelAsync(sku, camden));
        var returns = (await retailer.GetOrderAsync(order.Id)).Returns!;
        Assert.Equal(["damaged", "resellable"], returns.Select(r => r.Condition).Order());
        Assert.All(returns, r => Assert.Equal(camden.Id, r.LocationId));
        Assert.Equal(37.50m, returns.Sum(r => r.Refund.Amount));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ReturningMoreThanWasSoldIsAConflictAndChangesNothing()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 3));
        await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "resellable", 1), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "resellable", 3), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.return_exceeds_sold", "lines[0].quantity");
        var after = await retailer.GetOrderAsync(order.Id);
        Assert.Equal(("partly_returned", 1), (after.Status, after.Lines[0].ReturnedQuantity));
        Assert.Equal(1, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task AFullyReturnedOrderCannotBeReturnedAgain()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 1));
        await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "resellable", 1), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(coventGarden, "resellable", 1), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.cannot_return_returned");
        Assert.Equal(4, (await retailer.LevelAsync(sku, coventGarden)).OnHand);
    }

    [Fact]
    public async Task AnOrderThatHasNotLeftCannotBeReturned()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(coventGarden).WithLine(sku, 1));

        var response = await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "resellable", 1), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.cannot_return_allocated");
        Assert.Equal(0, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task AReturnNamingALineTwiceOrMoreLinesThanTheLimitIsRejectedAndChangesNothing()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 3));
        var twice = new { storeId = camden.Id, lines = new[] { new { lineNo = 1, quantity = 1 }, new { lineNo = 1, quantity = 1 } } };
        var many = new { storeId = camden.Id, lines = Enumerable.Range(0, 101).Select(_ => new { lineNo = 1, quantity = 1 }).ToArray() };

        await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", twice, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.duplicate_line", "lines[1].lineNo");
        await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", many, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.too_many_lines", "lines");

        Assert.Equal("completed", (await retailer.GetOrderAsync(order.Id)).Status);
        Assert.Equal(0, (await retailer.LevelAsync(sku, camden)).OnHand);
    }

    [Fact]
    public async Task AReturnInAnUnknownConditionIsRejected()
    {
        var (retailer, coventGarden, camden, sku) = await TwoStoresAsync();
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 1));

        var response = await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/returns", AReturn(camden, "slightly chipped", 1), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.bad_condition", "condition");
        Assert.Equal("completed", (await retailer.GetOrderAsync(order.Id)).Status);
    }
}

public sealed class ReturnsSqliteTests(SqliteServer server) : ReturnsTests(server), IClassFixture<SqliteServer>;

public sealed class ReturnsPostgresTests(PostgresServer server) : ReturnsTests(server), IClassFixture<PostgresServer>;
