using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Many buyers at once through the real HTTP stack: every unit is sold at most once.</summary>
public abstract class ConcurrencyTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task ThreeHundredBuyersForFiftyUnitsBuyExactlyFifty()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 20);
        await retailer.ReceiveAsync(coventGarden, sku, 15);
        await retailer.ReceiveAsync(camden, sku, 15);

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ =>
            retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1))));

        var sold = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.ShouldBeAsync<Order>(HttpStatusCode.Created)));
        var refused = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(async r =>
            (await r.ShouldBeAsync<Problem>(HttpStatusCode.Conflict)).Code));
        Assert.Equal(50, sold.Sum(o => o.Lines.Sum(l => l.Quantity)));
        Assert.Equal(250, refused.Length);
        Assert.All(refused, code => Assert.Contains(code, new[] { "fulfillment.no_location_can_fulfil", "inventory.insufficient_stock" }));
        Assert.Equal(50, (await retailer.ListOrdersAsync("?limit=500")).Count);
        Assert.Equal(0, (await retailer.AtpAsync(sku)).NetworkAvailable);
        foreach (var (location, units) in new[] { (warehouse, 20), (coventGarden, 15), (camden, 15) })
        {
            Assert.Equal(new StockLevel(sku, location.Id, units, units, 0, 0, 0), await retailer.LevelAsync(sku, location));
            Assert.Equal(units, sold.SelectMany(o => o.Allocations).Where(a => a.LocationId == location.Id).Sum(a => a.Quantity));
        }
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ThirtyTillsSellingTheLastTenUnitsOnAShelfSellTen()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 10);
        var staff = await retailer.KeyForStoreAsync(coventGarden);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            retailer.PlaceOrderAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 1), client: staff)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(new StockLevel(sku, coventGarden.Id, 0, 0, 0, 0, 0), await retailer.LevelAsync(sku, coventGarden));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }
}

public sealed class ConcurrencySqliteTests(SqliteServer server) : ConcurrencyTests(server), IClassFixture<SqliteServer>;

public sealed class ConcurrencyPostgresTests(PostgresServer server) : ConcurrencyTests(server), IClassFixture<PostgresServer>;
