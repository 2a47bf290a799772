using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>Tests that start from a retailer with one warehouse holding ten blue mugs, and check that a refused request wrote nothing.</summary>
public abstract class ShopTests(ServerFixture server) : ServerTests(server)
{
    protected const string Sku = "MUG-BLUE";

    protected async Task<(Retailer Retailer, Location Warehouse)> AShopAsync()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        await retailer.AddProductAsync(Sku);
        await retailer.ReceiveAsync(warehouse, Sku, 10);
        return (retailer, warehouse);
    }

    /// <summary>No order, no hold, no stock movement: the ten mugs are where they were and the ledger agrees.</summary>
    protected static async Task NothingWasWrittenAsync(Retailer retailer, Location warehouse)
    {
        ArgumentNullException.ThrowIfNull(retailer);
        ArgumentNullException.ThrowIfNull(warehouse);
        Assert.Empty(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(Sku, warehouse.Id, 10, 0, 0, 0, 10), await retailer.LevelAsync(Sku, warehouse));
        Assert.Equal(10, (await retailer.AtpAsync(Sku)).NetworkAvailable);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }
}
