using UniRetail.Server;
using Dapper;
using UniRetail.Inventory.Queries;
using UniRetail.Kernel;
using UniRetail.Orders.PlaceOrder;

namespace UniRetail.Bench;

/// <summary>What the flash sale sold and what the stock checks found; <see cref="Passed"/> only when nothing was oversold.</summary>
internal sealed record FlashSaleReport(
    string Database, int Units, LoadResult Result, long OrderLines, long OnHand, long Reserved, bool LedgerConsistent, long LevelsChecked, long Oversold)
{
    public bool Passed => Result.Succeeded == Units && OrderLines == Units && Reserved == Units && OnHand == Units && LedgerConsistent && Oversold == 0
        && Result.Failures.Keys.All(code => !code.StartsWith("exception", StringComparison.Ordinal));
}

/// <summary>
/// A flash sale: <c>buyers</c> shoppers at 256 at a time try to buy one unit each of one SKU of which the DC holds
/// <c>units</c> (paid web orders shipped to their homes, all served from the DC's stock). Exactly <c>units</c> orders
/// must succeed, the rest be refused with an error code, and the stock ledger must still add up.
/// </summary>
internal static class FlashSaleBenchmark
{
    public const int Callers = 256;
    private const string Sku = "FLASH-0001";

    public static async Task<FlashSaleReport> RunAsync(BenchDatabase database, int buyers, int units, Action<string> step, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        step($"{database.Name}: setting up the retailer and {units} units of {Sku} at the DC");
        var setup = await BenchRetailer.SetUpAsync(host, 200, 1_000_000, [(Sku, units)], ct);
        var handler = host.Get<PlaceOrderHandler>();

        step($"{database.Name}: warming up on other SKUs");
        var warmUp = Shoppers.TwoLineOrders(setup.Skus, 500, 7);
        await LoadRun.RunAsync(warmUp.Length, Callers, i => handler.HandleAsync(setup.WebShop, warmUp[i], $"warm-up-{i}", ct));

        step($"{database.Name}: {buyers} buyers, {Callers} at a time, for {units} units");
        var buying = Shoppers.SingleUnitOrders(Sku, buyers, 11);
        var result = await LoadRun.RunAsync(buyers, Callers, i => handler.HandleAsync(setup.WebShop, buying[i], $"flash-{i}", ct));

        var queries = host.Get<StockQueries>();
        var verdict = await queries.VerifyAsync(setup.Admin, ct);
        var oversold = await queries.OversoldAsync(setup.Admin, ct);
        var level = (await queries.LevelsAsync(setup.Admin, Sku, setup.WarehouseId, PageQuery.First, ct)).Items.Single();
        await using var connection = await database.OpenRawAsync(ct);
        var lines = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders_line WHERE sku = @Sku", new { Sku });
        return new FlashSaleReport(database.Name, units, result, lines, level.OnHand, level.Reserved, verdict.Consistent, verdict.LevelsChecked, oversold);
    }
}
