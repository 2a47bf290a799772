using UniRetail.Server;
using System.Collections.Concurrent;
using System.Diagnostics;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;
using UniRetail.Orders.Returns;

namespace UniRetail.Cli.Demo;

/// <summary>What the simulated day did.</summary>
internal sealed record TradingDayOutcome(
    int Shoppers, int Placed, IReadOnlyDictionary<string, int> Rejected, int Cancelled, int Expired, int Returns, TimeSpan Elapsed, IReadOnlyDictionary<string, int> BenefitsRefused);

/// <summary>
/// Simulates a trading day through the same handlers the HTTP API calls: shoppers place orders from every channel,
/// some members fill scan-to-bag bags in the stores (<see cref="DemoBags"/>), stores pick, pack, hand over and deliver, some customers cancel, unpaid orders expire, and some goods come back to
/// a different store than the one that sold them.
/// </summary>
internal sealed class TradingDay(ModuleContainer host, Caller retailer, DemoClock clock, DateTimeOffset closing, DemoTills tills, DemoBags bags)
{
    /// <summary>One shopper in this many is a member filling a scan-to-bag bag instead; the complements are relearnt every <see cref="LearnEvery"/> shoppers.</summary>
    private const int BagEvery = 20, LearnEvery = 500;

    private readonly ConcurrentDictionary<string, int> _rejected = new();
    private readonly ConcurrentDictionary<string, int> _benefitsRefused = new();
    private readonly ConcurrentQueue<OrderView> _completed = new();
    private int _placed;
    private int _cancelled;

    public async Task<TradingDayOutcome> RunAsync(
        int shoppers, int workers, Func<int, DemoShopper> shopperFor, IReadOnlyList<string> storeIds, Action onShopper, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var step = (closing - clock.GetUtcNow()) / shoppers;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var shopper = shopperFor(worker);
            var bagger = new Random(3011 + worker);
            int n;
            while ((n = Interlocked.Increment(ref next)) < shoppers)
            {
                clock.Advance(step);
                if (n % LearnEvery == LearnEvery - 1)
                    await bags.LearnAsync(ct);
                if (n % BagEvery == BagEvery / 2)
                    await bags.VisitAsync(bagger, ct);
                else
                    await VisitAsync(shopper.Next(), ct);
                onShopper();
            }
        }, ct)));
        var returns = await ReturnSomeAsync(storeIds, ct);
        clock.Advance(PlaceOrderHandler.PaymentWindow + TimeSpan.FromMinutes(1));
        var expired = await host.Get<ManageHolds>().ExpireDueAsync(ct);
        return new TradingDayOutcome(shoppers, _placed, _rejected, _cancelled, expired, returns, watch.Elapsed, _benefitsRefused);
    }

    private async Task VisitAsync(ShopperVisit visit, CancellationToken ct)
    {
        var placed = await PlaceAsync(visit.Request, ct);
        // A coupon or points the till refuses (used up, above the balance or the allowed share): the shopper pays without them.
        if (!placed.IsSuccess && placed.Error.Code.StartsWith("loyalty.", StringComparison.Ordinal))
        {
            _benefitsRefused.AddOrUpdate(placed.Error.Code, 1, (_, n) => n + 1);
            placed = await PlaceAsync(visit.Request with { Coupons = null, Points = null }, ct);
        }
        if (!placed.IsSuccess)
        {
            _rejected.AddOrUpdate(placed.Error.Code, 1, (_, n) => n + 1);
            return;
        }
        Interlocked.Increment(ref _placed);
        var order = placed.Value.Order;
        if (!visit.PaysNow)
            return;
        var lifecycle = host.Get<OrderLifecycle>();
        var id = new OrderId(order.Id);
        if (visit.CancelsLater)
        {
            if ((await lifecycle.CancelAsync(retailer, id, new CancelOrderRequest("customer changed their mind"), ct)).IsSuccess)
                Interlocked.Increment(ref _cancelled);
            return;
        }
        var final = order.Fulfilment switch
        {
            "in_store_purchase" => order,
            "pickup_in_store" => await Steps(lifecycle.StartPickingAsync, lifecycle.MarkReadyForPickupAsync, lifecycle.CompleteAsync),
            "same_day_delivery" => await Steps(lifecycle.StartPickingAsync, lifecycle.DispatchAsync, lifecycle.CompleteAsync),
            _ => await Steps(lifecycle.StartPickingAsync, lifecycle.ShipAsync, lifecycle.CompleteAsync),
        };
        if (visit.ReturnsLater && final?.Status == "completed")
            _completed.Enqueue(final);

        async Task<OrderView?> Steps(params Func<Caller, OrderId, CancellationToken, Task<Result<OrderView>>>[] steps)
        {
            OrderView? current = null;
            foreach (var transition in steps)
            {
                var moved = await transition(retailer, id, ct);
                if (!moved.IsSuccess)
                    return null;
                current = moved.Value;
            }
            return current;
        }
    }

    /// <summary>A sale at a till is one checkout at the store's till (the member's code scanned); every other order is placed as its channel places it.</summary>
    private async Task<Result<PlacedOrder>> PlaceAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        if (request.Fulfilment != "in_store_purchase")
            return await host.Get<PlaceOrderHandler>().HandleAsync(retailer, request, $"demo-{Guid.NewGuid():N}", ct);
        var sold = await tills.CheckoutAsync(request, ct);
        if (!sold.IsSuccess)
            return sold.Error;
        var order = await host.Get<OrderQueries>().GetAsync(retailer, sold.Value, ct);
        return order.Map(o => new PlacedOrder(o, false));
    }

    /// <summary>Customers bring goods back to another store than the one that sold them: the first line, some of it damaged.</summary>
    private async Task<int> ReturnSomeAsync(IReadOnlyList<string> storeIds, CancellationToken ct)
    {
        var returns = 0;
        var random = new Random(1113);
        foreach (var order in _completed)
        {
            var seller = order.Allocations.Count > 0 ? order.Allocations[0].LocationId : null;
            var store = storeIds.Where(s => s != seller).ElementAt(random.Next(storeIds.Count - 1));
            var line = order.Lines[0];
            var request = new ReturnRequest(store, random.NextDouble() < 0.2 ? "damaged" : "resellable", "did not suit",
                [new ReturnLineRequest(line.LineNo, random.Next(1, line.Quantity + 1))]);
            if ((await host.Get<RecordReturn>().HandleAsync(retailer, new OrderId(order.Id), request, ct)).IsSuccess)
                returns++;
        }
        return returns;
    }
}
