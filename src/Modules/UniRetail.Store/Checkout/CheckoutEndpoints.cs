using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Returns;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Store.Checkout;

/// <summary>The till's checkout, its receipts (JSON, or plain text with <c>format=text</c> or <c>Accept: text/plain</c>) and the store's stock discrepancies.</summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckout(this RouteGroupBuilder pos)
    {
        pos.MapPost("/checkout", CheckoutAsync).WithName("Store.Checkout")
            .WithDescription("A sale at the till in one call: scanned GTINs, an optional member code, a coupon and points, card/cash/wallet payments; answers the receipt. The same saleId again answers the same receipt.");
        pos.MapPost("/returns", ReturnAsync).WithName("Store.TillReturn")
            .WithDescription("A return at the till by receiptId or orderId: restocked here, refunded to the original payment or the wallet; answers the refund receipt. The same returnId again answers the same receipt.");
        pos.MapGet("/receipts/{receiptId}", ReceiptAsync).WithName("Store.GetReceipt")
            .WithDescription("A receipt the store's tills gave, by the till's sale or return id; format=text (or Accept: text/plain) prints it.");
        pos.MapGet("/discrepancies", DiscrepanciesAsync).WithName("Store.ListDiscrepancies")
            .WithDescription("Units sold offline that the book stock did not have, for the store to count.");
    }

    private static async Task<Results<Created<ReceiptView>, Ok<ReceiptView>, ContentHttpResult, ProblemHttpResult>> CheckoutAsync(
        string storeId, CheckoutRequest? request, string? format, Caller caller, TillCheckout handler, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var text = WantsText(format, http);
        if (!text.IsSuccess)
            return text.Error.ToProblem();
        return Answer(await handler.HandleAsync(caller, new LocationId(storeId), request, ct), text.Value, response);
    }

    /// <summary>A new receipt is 201 with its Location, a replayed one 200 with <c>Idempotent-Replayed</c>; as JSON or text.</summary>
    private static Results<Created<ReceiptView>, Ok<ReceiptView>, ContentHttpResult, ProblemHttpResult> Answer(Result<CheckoutAnswer> answer, bool text, HttpResponse response)
    {
        if (!answer.IsSuccess)
            return answer.Error.ToProblem();
        var (receipt, name, replayed) = answer.Value;
        if (replayed)
            response.Headers["Idempotent-Replayed"] = "true";
        var location = Locations.Safe($"/api/pos/{receipt.StoreId}/receipts/{receipt.Id}");
        if (text)
        {
            if (!replayed)
                response.Headers.Location = location;
            return TypedResults.Text(receipt.ToText(name), "text/plain; charset=utf-8", System.Text.Encoding.UTF8, replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }
        return replayed ? TypedResults.Ok(receipt) : TypedResults.Created(location, receipt);
    }

    private static async Task<Results<Created<ReceiptView>, Ok<ReceiptView>, ContentHttpResult, ProblemHttpResult>> ReturnAsync(
        string storeId, ReturnAtTillRequest? request, string? format, Caller caller, TillReturns handler, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var text = WantsText(format, http);
        if (!text.IsSuccess)
            return text.Error.ToProblem();
        return Answer(await handler.HandleAsync(caller, new LocationId(storeId), request, ct), text.Value, response);
    }

    private static async Task<Results<Ok<ReceiptView>, ContentHttpResult, ProblemHttpResult>> ReceiptAsync(
        string storeId, string receiptId, string? format, Caller caller, TillReceipts receipts, HttpRequest http, CancellationToken ct)
    {
        var text = WantsText(format, http);
        if (!text.IsSuccess)
            return text.Error.ToProblem();
        var found = await receipts.GetAsync(caller, new LocationId(storeId), receiptId, ct);
        if (!found.IsSuccess)
            return found.Error.ToProblem();
        return text.Value
            ? TypedResults.Text(found.Value.Receipt.ToText(found.Value.StoreName), "text/plain; charset=utf-8", System.Text.Encoding.UTF8)
            : TypedResults.Ok(found.Value.Receipt);
    }

    private static async Task<Results<Ok<Page<DiscrepancyView>>, ProblemHttpResult>> DiscrepanciesAsync(
        string storeId, int? limit, string? cursor, Caller caller, StoreDiscrepancies discrepancies, CancellationToken ct) =>
        (await discrepancies.ListAsync(caller, new LocationId(storeId), limit, cursor, ct)).ToOk();

    /// <summary><c>format=text</c> or <c>json</c>; without it, plain text when the client accepts text/plain and not JSON.</summary>
    private static Result<bool> WantsText(string? format, HttpRequest http) => format?.Trim().ToLowerInvariant() switch
    {
        "text" => true,
        "json" => false,
        null => http.GetTypedHeaders().Accept is { Count: > 0 } accept
            && accept.Any(a => a.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Value?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false),
        _ => StoreErrors.BadFormat(format, "format"),
    };
}
