using UniRetail.Server;
using Dapper;
using UniRetail.Orders.PlaceOrder;

namespace UniRetail.Bench;

internal sealed record OrdersLevel(int Callers, LoadResult Result);

/// <summary>The profiling runs (<c>--profile</c>): 64 callers with the lane probe, 64 without idempotency keys, and the unprepared ceiling.</summary>
internal sealed record OrdersProfile(LaneProfile Lane, LoadResult Probed, LoadResult WithoutKeys, CeilingRun Unprepared);

internal sealed record OrdersReport(string Database, double CommitsPerSecond, CeilingRun Ceiling, IReadOnlyList<OrdersLevel> Levels, OrdersProfile? Profile)
{
    public bool AllPlaced => Levels.All(l => l.Result.Failures.Count == 0);
}

/// <summary>
/// Place-order throughput and latency at 1, 8 and 64 concurrent callers, each call a paid ship-to-home order of two
/// lines through <see cref="PlaceOrderHandler"/> with its own Idempotency-Key; the call returns once the order is
/// committed. Measured against the bare-loop ceiling taken in the same run, on the same database.
/// </summary>
internal static class OrdersBenchmark
{
    public static readonly int[] Callers = [1, 8, 64];
    private const int Skus = 200;

    public static async Task<OrdersReport> RunAsync(BenchDatabase database, int orders, bool profile, Action<string> step, CancellationToken ct)
    {
        var probe = profile ? new LaneProbe() : null;
        await using var host = await ModuleContainer.StartAsync(database.Options, ct, probe is null ? null : probe.AddTo);
        step($"{database.Name}: setting up the retailer ({Skus} SKUs, a DC and four stores)");
        var setup = await BenchRetailer.SetUpAsync(host, Skus, 1_000_000, [], ct);
        var handler = host.Get<PlaceOrderHandler>();

        step($"{database.Name}: warming up");
        await PlaceAsync(handler, setup, "warm-up", Math.Clamp(orders / 5, 100, 1_000), 8, withKeys: true, ct);

        step($"{database.Name}: ceiling (bare loop, one transaction per order)");
        var routing = await RoutingSampleAsync(database, ct);
        await Ceiling.SeedAsync(database, ct);
        var commits = await Ceiling.CommitRateAsync(database, Math.Clamp(orders / 2, 200, 2_000), ct);
        var ceiling = await Ceiling.OrdersAsync(database, orders, routing, prepared: true, ct);

        var levels = new List<OrdersLevel>();
        foreach (var callers in Callers)
        {
            step($"{database.Name}: {orders} orders, {callers} concurrent callers");
            await PlaceAsync(handler, setup, $"warm-up-{callers}", Math.Clamp(orders / 20, 50, 250), callers, withKeys: true, ct);
            levels.Add(new OrdersLevel(callers, await PlaceAsync(handler, setup, $"run-{callers}", orders, callers, withKeys: true, ct)));
        }
        if (probe is null)
            return new OrdersReport(database.Name, commits, ceiling, levels, null);

        step($"{database.Name}: profiling at 64 callers");
        probe.Start();
        var probed = await PlaceAsync(handler, setup, "profile", orders, 64, withKeys: true, ct);
        var lane = probe.Stop();
        var withoutKeys = await PlaceAsync(handler, setup, "no-keys", orders, 64, withKeys: false, ct);
        var unprepared = await Ceiling.OrdersAsync(database, orders, routing, prepared: false, ct);
        return new OrdersReport(database.Name, commits, ceiling, levels, new OrdersProfile(lane, probed, withoutKeys, unprepared));
    }

    private static Task<LoadResult> PlaceAsync(PlaceOrderHandler handler, BenchSetup setup, string phase, int orders, int callers, bool withKeys, CancellationToken ct)
    {
        var requests = Shoppers.TwoLineOrders(setup.Skus, orders, phase.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        return LoadRun.RunAsync(orders, callers, i => handler.HandleAsync(setup.WebShop, requests[i], withKeys ? $"{phase}-{i}" : null, ct));
    }

    /// <summary>A routing explanation the product wrote, so the ceiling's order row is as wide as a real one.</summary>
    private static async Task<string> RoutingSampleAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        return await connection.ExecuteScalarAsync<string>("SELECT routing FROM orders_order ORDER BY placed_at_ms LIMIT 1") ?? "{}";
    }
}
