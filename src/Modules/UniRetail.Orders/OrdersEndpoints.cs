using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;
using UniRetail.Orders.Returns;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Orders;

internal static class OrdersEndpoints
{
    public static void MapOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization();
        orders.MapPost("/", PlaceAsync).WithName("Orders.Place");
        orders.MapGet("/", ListAsync).WithName("Orders.List");
        orders.MapGet("/{id}", GetAsync).WithName("Orders.Get");
        orders.MapPost("/{id}/confirm-payment", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.ConfirmPaymentAsync(caller, new OrderId(id), ct))).WithName("Orders.ConfirmPayment");
        orders.MapPost("/{id}/start-picking", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.StartPickingAsync(caller, new OrderId(id), ct))).WithName("Orders.StartPicking");
        orders.MapPost("/{id}/ready-for-pickup", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.MarkReadyForPickupAsync(caller, new OrderId(id), ct))).WithName("Orders.ReadyForPickup");
        orders.MapPost("/{id}/ship", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.ShipAsync(caller, new OrderId(id), ct))).WithName("Orders.Ship");
        orders.MapPost("/{id}/dispatch", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.DispatchAsync(caller, new OrderId(id), ct))).WithName("Orders.Dispatch");
        orders.MapPost("/{id}/complete", (string id, Caller caller, OrderLifecycle h, CancellationToken ct) => Run(h.CompleteAsync(caller, new OrderId(id), ct))).WithName("Orders.Complete");
        orders.MapPost("/{id}/cancel", (string id, CancelOrderRequest? request, Caller caller, OrderLifecycle h, CancellationToken ct) =>
            Run(h.CancelAsync(caller, new OrderId(id), request ?? new CancelOrderRequest(null), ct))).WithName("Orders.Cancel");
        orders.MapPost("/{id}/returns", (string id, ReturnRequest request, Caller caller, RecordReturn h, CancellationToken ct) =>
            Run(h.HandleAsync(caller, new OrderId(id), request, ct))).WithName("Orders.Return");
    }

    private static async Task<Results<Created<OrderView>, Ok<OrderView>, ProblemHttpResult>> PlaceAsync(
        PlaceOrderRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, PlaceOrderHandler handler,
        HttpResponse response, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, idempotencyKey, ct)).ToCreatedOrReplayed(p => p.Order, p => p.Replayed, o => $"/api/orders/{o.Id}", response);

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(string id, Caller caller, OrderQueries queries, CancellationToken ct) =>
        (await queries.GetAsync(caller, new OrderId(id), ct)).ToOk();

    private static async Task<Results<Ok<Page<OrderSummaryView>>, ProblemHttpResult>> ListAsync(
        Caller caller, OrderQueries queries, Cursors cursors, string? status, string? channel, string? fulfilment, string? storeId, string? memberId,
        DateOnly? placedFrom, DateOnly? placedTo, int? limit, string? cursor, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "orders", limit, cursor,
            page => queries.ListAsync(caller, new OrderFilter(status, channel, fulfilment, storeId, memberId, placedFrom, placedTo), page, ct))).ToOk();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Run(Task<Result<OrderView>> transition) => (await transition).ToOk();
}
