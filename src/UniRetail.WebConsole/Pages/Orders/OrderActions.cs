using UniRetail.Kernel;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.Queries;

namespace UniRetail.WebConsole.Pages.Orders;

/// <summary>A lifecycle step as a button: the API endpoint it stands for (whose role reach decides who sees it) and the handler call.</summary>
internal sealed record OrderAction(string Endpoint, string Label, Func<OrderLifecycle, Caller, OrderId, CancellationToken, Task<Result<OrderView>>> Run);

/// <summary>Which steps an order in a status can take next, as the order's own rules allow them (the handler checks again).</summary>
internal static class OrderActions
{
    private static readonly OrderAction ConfirmPayment = new("Orders.ConfirmPayment", "Confirm payment", (h, c, id, ct) => h.ConfirmPaymentAsync(c, id, ct));
    private static readonly OrderAction StartPicking = new("Orders.StartPicking", "Start picking", (h, c, id, ct) => h.StartPickingAsync(c, id, ct));
    private static readonly OrderAction Ready = new("Orders.ReadyForPickup", "Ready for pickup", (h, c, id, ct) => h.MarkReadyForPickupAsync(c, id, ct));
    private static readonly OrderAction Ship = new("Orders.Ship", "Ship", (h, c, id, ct) => h.ShipAsync(c, id, ct));
    private static readonly OrderAction Dispatch = new("Orders.Dispatch", "Dispatch", (h, c, id, ct) => h.DispatchAsync(c, id, ct));
    private static readonly OrderAction HandOver = new("Orders.Complete", "Hand over / complete", (h, c, id, ct) => h.CompleteAsync(c, id, ct));
    private static readonly OrderAction Cancel = new("Orders.Cancel", "Cancel", (h, c, id, ct) => h.CancelAsync(c, id, new CancelOrderRequest("cancelled in the console"), ct));

    public static IReadOnlyList<OrderAction> For(string status, string fulfilment) => status switch
    {
        "placed" => [ConfirmPayment, Cancel],
        "allocated" => [StartPicking, Cancel],
        "picking" => fulfilment switch
        {
            "pickup_in_store" => [Ready, Cancel],
            "same_day_delivery" => [Dispatch, Cancel],
            "ship_to_home" or "endless_aisle" => [Ship, Cancel],
            _ => [Cancel],
        },
        "ready_for_pickup" => [HandOver, Cancel],
        "shipped" or "out_for_delivery" => [HandOver],
        _ => [],
    };

    /// <summary>Store staff act only on orders their store fulfils or hands over, as <see cref="OrderLifecycle.EnsureMayHandle"/> decides.</summary>
    public static bool MayHandle(Caller caller, OrderView order) =>
        caller.Role != Role.StoreStaff || caller.Store is not { } store || order.StoreId == store.Value || order.Allocations.Any(a => a.LocationId == store.Value);
}
