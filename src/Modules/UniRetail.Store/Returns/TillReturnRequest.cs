using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Checkout;
using UniRetail.Store.Domain;

namespace UniRetail.Store.Returns;

internal sealed record ReturnLineRequest(int LineNo, int Quantity);

/// <summary>
/// A return at the till: the open session, the till's own <c>returnId</c> (a retry answers the same refund receipt), the sale
/// by its receipt (<c>receiptId</c>, this store's) or any order by <c>orderId</c>, the lines and units coming back,
/// <c>refundTo</c> <c>original</c> (default) or <c>wallet</c>, <c>condition</c> <c>resellable</c> (default) or <c>damaged</c>.
/// </summary>
internal sealed record ReturnAtTillRequest(
    string? SessionId, string? ReturnId, string? ReceiptId, string? OrderId, IReadOnlyList<ReturnLineRequest>? Lines, string? RefundTo, string? Condition, string? Reason);

/// <summary>A till return whose every field has been checked on its own.</summary>
internal sealed record ReturnDraft(
    string SessionId, string ReturnId, string? ReceiptId, OrderId? Order, IReadOnlyList<TillReturnLine> Lines, bool ToWallet, bool Damaged, string? Reason)
{
    private const int MaxReason = 200;

    public static Result<ReturnDraft> Parse(ReturnAtTillRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SessionId))
            return StoreErrors.Required("sessionId");
        if (!TillReceiptIds.IsValid(request.ReturnId))
            return request.ReturnId is null ? StoreErrors.Required("returnId") : StoreErrors.BadSaleId(request.ReturnId, "returnId");
        var receipt = string.IsNullOrWhiteSpace(request.ReceiptId) ? null : request.ReceiptId.Trim();
        var order = string.IsNullOrWhiteSpace(request.OrderId) ? (OrderId?)null : new OrderId(request.OrderId.Trim());
        if ((receipt is null) == (order is null))
            return StoreErrors.ReceiptOrOrder();
        if (receipt is not null && !TillReceiptIds.IsValid(receipt))
            return StoreErrors.UnknownReceipt(receipt, "receiptId");
        if (request.Lines is not { Count: > 0 })
            return StoreErrors.NoReturnLines();
        if (request.Lines.Count > CheckoutDraft.MaxLines)
            return StoreErrors.TooManyLines(CheckoutDraft.MaxLines);
        var lines = new List<TillReturnLine>(request.Lines.Count);
        var seen = new HashSet<int>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var quantity = Quantity.Of(request.Lines[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            if (!seen.Add(request.Lines[i].LineNo))
                return StoreErrors.DuplicateReturnLine(request.Lines[i].LineNo, $"lines[{i}].lineNo");
            lines.Add(new TillReturnLine(request.Lines[i].LineNo, quantity.Value));
        }
        var refundTo = request.RefundTo?.Trim().ToLowerInvariant() ?? "original";
        if (refundTo is not ("original" or "wallet"))
            return StoreErrors.BadChoice("refundTo", request.RefundTo, "original, wallet");
        var condition = request.Condition?.Trim().ToLowerInvariant() ?? "resellable";
        if (condition is not ("resellable" or "damaged"))
            return StoreErrors.BadChoice("condition", request.Condition, "resellable, damaged");
        var reason = request.Reason?.Trim();
        if (reason is { Length: > MaxReason } || (reason?.Any(char.IsControl) ?? false))
            return StoreErrors.BadText("reason", MaxReason);
        return new ReturnDraft(request.SessionId.Trim(), request.ReturnId!, receipt, order, lines, refundTo == "wallet", condition == "damaged", reason);
    }
}
