using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Receipts;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Inventory;

internal static class InventoryEndpoints
{
    public static void MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var stock = app.MapGroup("/api/inventory").WithTags("Inventory").RequireAuthorization();
        stock.MapGet("/levels", LevelsAsync).WithName("Inventory.Levels");
        stock.MapGet("/atp/{sku}", AtpAsync).WithName("Inventory.Atp");
        stock.MapGet("/ledger", LedgerAsync).WithName("Inventory.Ledger");
        stock.MapGet("/ledger/check", CheckAsync).WithName("Inventory.LedgerCheck");
        stock.MapPost("/receipts", ReceiveAsync).WithName("Inventory.Receive");
        stock.MapGet("/receipts/{id}", ReceiptAsync).WithName("Inventory.Receipt");
        stock.MapPost("/adjustments", AdjustAsync).WithName("Inventory.Adjust");
        stock.MapPost("/transfers", TransferAsync).WithName("Inventory.Transfer");
        stock.MapPut("/safety-stock", SafetyStockAsync).WithName("Inventory.SafetyStock");
        stock.MapPost("/holds", HoldAsync).WithName("Inventory.Hold");
        stock.MapPost("/holds/{reference}/confirm", ConfirmAsync).WithName("Inventory.ConfirmHold");
        stock.MapDelete("/holds/{reference}", ReleaseAsync).WithName("Inventory.ReleaseHold");
    }

    private static async Task<Results<Ok<Page<StockLevelView>>, ProblemHttpResult>> LevelsAsync(
        Caller caller, StockQueries queries, Cursors cursors, string? sku, string? locationId, int? limit, string? cursor, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "inventory.levels", limit, cursor, page => queries.LevelsAsync(caller, sku, locationId, page, ct))).ToOk();

    private static async Task<Results<Ok<AtpView>, ProblemHttpResult>> AtpAsync(string sku, Caller caller, StockQueries queries, CancellationToken ct) =>
        (await queries.AtpAsync(caller, sku, ct)).ToOk();

    private static async Task<Results<Ok<Page<LedgerEntryView>>, ProblemHttpResult>> LedgerAsync(
        Caller caller, StockQueries queries, Cursors cursors, string? sku, string? locationId, int? limit, string? cursor, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "inventory.ledger", limit, cursor, page => queries.LedgerAsync(caller, sku, locationId, page, ct))).ToOk();

    private static async Task<Ok<LedgerCheckView>> CheckAsync(Caller caller, StockQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.VerifyAsync(caller, ct));

    private static async Task<Results<Created<ReceiptView>, ProblemHttpResult>> ReceiveAsync(GoodsReceiptRequest request, Caller caller, ReceiveGoods handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToCreated(r => $"/api/inventory/receipts/{r.Id}");

    private static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> ReceiptAsync(string id, Caller caller, ReceiveGoods handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, id, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> AdjustAsync(AdjustStockRequest request, Caller caller, RecordMovement handler, CancellationToken ct) =>
        (await handler.AdjustAsync(caller, request, ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> TransferAsync(TransferStockRequest request, Caller caller, RecordMovement handler, CancellationToken ct) =>
        (await handler.TransferAsync(caller, request, ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> SafetyStockAsync(SafetyStockRequest request, Caller caller, RecordMovement handler, CancellationToken ct) =>
        (await handler.SetSafetyStockAsync(caller, request, ct)).ToNoContent();

    /// <summary>201 with the hold; a retry with the same reference and lines answers the existing hold with 200 and <c>Idempotent-Replayed</c>.</summary>
    private static async Task<Results<Created<HoldView>, Ok<HoldView>, ProblemHttpResult>> HoldAsync(
        HoldRequest request, Caller caller, ManageHolds handler, HttpResponse response, CancellationToken ct) =>
        // The reference is the client's (printable ASCII): escaped, it is one path segment that leads back to this hold.
        (await handler.HoldAsync(caller, request, ct)).ToCreatedOrReplayed(h => h.Hold, h => h.Replayed, h => $"/api/inventory/holds/{Uri.EscapeDataString(h.Reference)}", response);

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(string reference, Caller caller, ManageHolds handler, CancellationToken ct) =>
        (await handler.ConfirmAsync(caller, reference, ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(string reference, Caller caller, ManageHolds handler, CancellationToken ct) =>
        (await handler.ReleaseAsync(caller, reference, ct)).ToNoContent();
}
