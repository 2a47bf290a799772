using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Checkout;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;
using UniRetail.Web;

namespace UniRetail.Store.Returns;

/// <summary>
/// A return at the till, by the sale's receipt or any order's id, through Orders' returns (restock, each unit's share of the
/// net, points clawed back, benefits given back pro rata), with the till's refund in the same transaction: what is left to
/// pay back goes to the wallet when asked, otherwise to the sale's card (up to what the card paid, less earlier refunds) and
/// then cash from the drawer. The refund lands in the session's X and Z reports by payment type.
/// </summary>
internal sealed class TillReturns(Database database, StoreLocations stores, TillStore tills, ReceiptStore receipts, TillCheckout checkout, ITillOrders orders, TimeProvider clock)
{
    public async Task<Result<CheckoutAnswer>> HandleAsync(Caller caller, LocationId store, ReturnAtTillRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        if (request is null)
            return StoreErrors.Required("returnId");
        var parsed = ReturnDraft.Parse(request);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var draft = parsed.Value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        if (await checkout.ReplayAsync(caller.Tenant, store, draft.ReturnId, "refund", hash, at.Value.Name, ct) is { } replay)
            return replay;
        var session = await database.ReadAsync(c => tills.FindAsync(c, caller.Tenant, store, draft.SessionId), ct);
        if (session is null)
            return StoreErrors.UnknownTillSession(draft.SessionId, "sessionId");
        if (session.Status != "open")
            return StoreErrors.TillSessionClosed(draft.SessionId, "sessionId");
        var original = await OriginalAsync(caller.Tenant, store, draft, ct);
        if (!original.IsSuccess)
            return original.Error;
        var (order, sale) = original.Value;
        var now = clock.GetUtcNow();
        ReceiptView? written = null;
        var taken = await orders.ReturnAsync(caller, new TillReturnRequest(order, store, draft.Lines, draft.ToWallet, draft.Damaged, draft.Reason), async (db, refund) =>
        {
            var recorded = await RecordAsync(db, caller.Tenant, store, session, draft, sale, refund, hash, now);
            written = recorded.IsSuccess ? recorded.Value : null;
            return recorded.IsSuccess ? Result<Unit>.Success(Unit.Value) : Result<Unit>.Failure(recorded.Error);
        }, ct);
        // A concurrent request with this return id wrote its receipt first: that refund is the answer.
        if (!taken.IsSuccess && taken.Error.Code == "store.sale_in_progress"
            && await checkout.ReplayAsync(caller.Tenant, store, draft.ReturnId, "refund", hash, at.Value.Name, ct) is { } raced)
            return raced;
        if (!taken.IsSuccess)
            return taken.Error.Field == "id" ? taken.Error.AtField(draft.ReceiptId is null ? "orderId" : "receiptId") : taken.Error;
        return new CheckoutAnswer(written!, at.Value.Name, false);
    }

    /// <summary>The order to take back and the sale receipt it came with (null for an order no till sold: a web order returned in store).</summary>
    private async Task<Result<(OrderId Order, (LocationId Store, StoredReceipt Receipt)? Sale)>> OriginalAsync(TenantId tenant, LocationId store, ReturnDraft draft, CancellationToken ct)
    {
        if (draft.ReceiptId is { } receiptId)
        {
            var receipt = await database.ReadAsync(c => receipts.FindAsync(c, tenant, store, receiptId), ct);
            if (receipt is not { Kind: "sale" })
                return StoreErrors.UnknownReceipt(receiptId, "receiptId");
            (LocationId, StoredReceipt)? here = (store, receipt);
            return (new OrderId(receipt.OrderId), here);
        }
        var order = draft.Order!.Value;
        var sold = await database.ReadAsync(c => receipts.FindSaleOfOrderAsync(c, tenant, order.Value), ct);
        (LocationId, StoredReceipt)? sale = sold is { } s ? (new LocationId(s.StoreId), s.Receipt) : null;
        return (order, sale);
    }

    private async Task<Result<ReceiptView>> RecordAsync(
        DbSession db, TenantId tenant, LocationId store, TillSessionRow session, ReturnDraft draft, (LocationId Store, StoredReceipt Receipt)? sale,
        TillOrderReturn refund, string hash, DateTimeOffset now)
    {
        if (!await tills.LockOpenAsync(db, tenant, store, session.SessionId))
            return StoreErrors.TillSessionClosed(session.SessionId, "sessionId");
        var currency = refund.Refund.Currency;
        var card = Money.Zero(currency);
        if (sale is { } original && refund.ToPay.MinorUnits > 0)
        {
            var paid = ReceiptView.FromJson(original.Receipt.ReceiptJson).Payments.Where(p => p.Type == PaymentTypes.Card).Sum(p => p.Amount.Amount);
            var back = await receipts.RefundedOfAsync(db, tenant, original.Store, original.Receipt.ReceiptId);
            var left = Money.Of(paid, currency).Value.MinorUnits - back.GetValueOrDefault(PaymentTypes.Card);
            card = Money.FromMinor(Math.Clamp(left, 0, refund.ToPay.MinorUnits), currency);
        }
        else if (sale is null)
            card = refund.ToPay;
        var payments = new Dictionary<string, Money>
        {
            [PaymentTypes.Card] = card,
            [PaymentTypes.Cash] = refund.ToPay - card,
            [PaymentTypes.Wallet] = refund.Wallet + refund.ToWallet,
            [PaymentTypes.GiftCard] = refund.GiftCard,
            [PaymentTypes.Points] = refund.PointsValue,
        };
        var zero = MoneyView.From(Money.Zero(currency));
        var receipt = new ReceiptView(
            draft.ReturnId, "refund", refund.Order.Value, store.Value, session.TillId, session.SessionId, refund.Member?.Value, now, false,
            refund.Lines.Select(l => new ReceiptLineView(l.LineNo, l.Sku.Value, l.Name, l.Quantity, MoneyView.From(l.UnitPrice), zero, MoneyView.From(l.Refund), [])).ToList(),
            MoneyView.From(refund.Refund), zero, MoneyView.From(refund.Refund), [], null, refund.PointsRefunded, MoneyView.From(refund.PointsValue), -refund.PointsClawedBack, 0,
            payments.Where(p => p.Value.MinorUnits > 0 && p.Key != PaymentTypes.Points).Select(p => new ReceiptPaymentView(p.Key, MoneyView.From(p.Value), null, null, null)).ToList(),
            zero, sale?.Receipt.ReceiptId);
        var row = new TillSale(draft.ReturnId, TillSaleKind.Refund, refund.Refund, Money.Zero(currency), refund.PointsRefunded, refund.PointsClawedBack, payments, now);
        if (!await tills.TryAddSaleAsync(db, tenant, session.SessionId, row)
            || !await receipts.TryInsertAsync(db, tenant, store, new StoredReceipt(draft.ReturnId, "refund", session.SessionId, refund.Order.Value, hash, receipt.ToJson()),
                sale?.Receipt.ReceiptId, now.ToUnixTimeMilliseconds()))
            return StoreErrors.SaleRaced(draft.ReturnId, "returnId");
        return receipt;
    }
}
