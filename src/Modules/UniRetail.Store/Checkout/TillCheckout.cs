using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Checkout;

/// <summary>A receipt, the name of the store that printed it, and whether it answers a retry.</summary>
internal sealed record CheckoutAnswer(ReceiptView Receipt, string StoreName, bool Replayed);

/// <summary>
/// One call at the till: the member code identifies the member, the GTINs resolve in the catalog, and Orders places the
/// <c>in_store_purchase</c> order (priced by the promotions engine, the coupon, points and wallet redeemed, points earned)
/// with the till's own writes in the same transaction — the member code consumed (of two tills scanning one code, one
/// wins), the visit, the payments settled (change computed, short refused) and the sale added to the session's totals.
/// The sale id makes it idempotent: the same id again answers the same receipt and applies nothing twice. A scan-to-bag bag
/// (<c>bagId</c>) is sold as its lines, for its member, and marked checked out in the same transaction (once, and not when
/// it was scanned into since it was read).
/// </summary>
internal sealed class TillCheckout(
    Database database, StoreLocations stores, TillStore tills, ReceiptStore receipts, ScanMemberCode scanning,
    IGtinLookup gtins, IBagCheckout bags, ITillOrders orders, TimeProvider clock)
{
    public async Task<Result<CheckoutAnswer>> HandleAsync(Caller caller, LocationId store, CheckoutRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        if (request is null)
            return StoreErrors.Required("saleId");
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var parsed = CheckoutDraft.Parse(request, await stores.CurrencyAsync(caller.Tenant, ct), now);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var draft = parsed.Value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var name = at.Value.Name;
        if (await ReplayAsync(caller.Tenant, store, draft.SaleId, "sale", hash, name, ct) is { } replay)
            return replay;
        var session = await database.ReadAsync(c => tills.FindAsync(c, caller.Tenant, store, draft.SessionId), ct);
        if (session is null)
            return StoreErrors.UnknownTillSession(draft.SessionId, "sessionId");
        if (session.Status != "open")
            return StoreErrors.TillSessionClosed(draft.SessionId, "sessionId");
        MemberCodeClaims? claims = null;
        MemberId? member = null;
        if (draft.MemberCode is { } code)
        {
            var identified = await scanning.IdentifyAsync(caller.Tenant, code, "memberCode", draft.SoldAt, ct);
            if (!identified.IsSuccess)
                return identified.Error;
            (claims, member) = (identified.Value.Claims, identified.Value.Member.Id);
            if (draft.Wallet is not null && !claims.Wallet)
                return StoreErrors.WalletNotAllowed(draft.WalletField + ".type");
        }
        BagToCheckOut? bag = null;
        if (draft.BagId is { } bagId)
        {
            var read = await bags.ReadAsync(caller.Tenant, store, bagId, "bagId", ct);
            if (!read.IsSuccess)
                return read.Error;
            bag = read.Value;
            if (member is { } shown && shown != bag.Member)
                return StoreErrors.BagOfOtherMember("memberCode");
            member = bag.Member;
            draft = draft with { Lines = bag.Lines.Select(l => (l.Gtin, l.Quantity)).ToList() };
        }
        var skus = bag is null
            ? await gtins.ResolveAsync(caller.Tenant, draft.Lines.Select(l => (string?)l.Gtin).ToList(), i => $"lines[{i}].gtin", ct)
            : Result<IReadOnlyList<Sku>>.Success(bag.Lines.Select(l => l.Sku).ToList());
        if (!skus.IsSuccess)
            return skus.Error;
        var merged = ScannedLines.Merge(skus.Value, draft.Lines);
        if (!merged.IsSuccess)
            return merged.Error;
        var (lines, firstIndex) = merged.Value;

        var sale = new TillSaleContext(caller.Tenant, store, session, draft, claims, member, hash, now, bag);
        ReceiptView? written = null;
        var orderRequest = new TillOrderRequest(
            store, member, lines, draft.Coupon, draft.Points, draft.Wallet, $"till:{store.Value}:{draft.SaleId}", hash, draft.SoldAt, draft.Offline);
        var placed = await orders.PlaceAsync(caller, orderRequest, async (db, order) =>
        {
            var recorded = await RecordAsync(db, sale, order, ct);
            written = recorded.IsSuccess ? recorded.Value : null;
            return recorded.IsSuccess ? Result<Unit>.Success(Unit.Value) : Result<Unit>.Failure(recorded.Error);
        }, ct);
        if (!placed.IsSuccess)
            return ScannedLines.InTillTerms(placed.Error, firstIndex, draft.WalletField);
        if (written is not null && !placed.Value.Replayed)
            return new CheckoutAnswer(written, name, false);
        // Another request with this sale id placed the order first: its receipt is committed with it.
        return await ReplayAsync(caller.Tenant, store, draft.SaleId, "sale", hash, name, ct) ?? Result<CheckoutAnswer>.Failure(StoreErrors.SaleRaced(draft.SaleId, "saleId"));
    }

    /// <summary>The receipt an earlier request with this id was given; a conflict when that request was another; null when there was none.</summary>
    public async Task<Result<CheckoutAnswer>?> ReplayAsync(TenantId tenant, LocationId store, string id, string kind, string hash, string storeName, CancellationToken ct)
    {
        var stored = await database.ReadAsync(c => receipts.FindAsync(c, tenant, store, id), ct);
        if (stored is null)
            return null;
        Result<CheckoutAnswer> answer = stored.RequestHash == hash && stored.Kind == kind
            ? new CheckoutAnswer(ReceiptView.FromJson(stored.ReceiptJson), storeName, true)
            : StoreErrors.SaleIdReused(id, kind == "sale" ? "saleId" : "returnId");
        return answer;
    }

    /// <summary>The till's writes, in the order's transaction after the order is written: any refusal rolls the whole sale back.</summary>
    private async Task<Result<ReceiptView>> RecordAsync(DbSession db, TillSaleContext sale, TillOrder order, CancellationToken ct)
    {
        var (tenant, store, session, draft) = (sale.Tenant, sale.Store, sale.Session, sale.Draft);
        long visitPoints = 0;
        if (sale.Claims is { } claims)
        {
            var visit = await scanning.UseAsync(db, tenant, store, claims, sale.Member!.Value, draft.SoldAt, "memberCode", ct);
            if (!visit.IsSuccess)
                return visit.Error;
            visitPoints = visit.Value.Points;
        }
        if (sale.Bag is { } bag)
        {
            var checkedOut = await bags.CheckOutAsync(db, tenant, bag, order.Order.Value, sale.Now, "bagId", ct);
            if (!checkedOut.IsSuccess)
                return checkedOut.Error;
        }
        if (!await tills.LockOpenAsync(db, tenant, store, session.SessionId))
            return StoreErrors.TillSessionClosed(session.SessionId, "sessionId");
        var settled = TillPayments.Settle(order.AmountDue, draft.Tendered);
        if (!settled.IsSuccess)
            return settled.Error;
        var receipt = SaleReceipts.From(sale, order, settled.Value.Payments, settled.Value.Change, visitPoints);
        var payments = SaleReceipts.ByType(order, settled.Value.Payments);
        var row = new TillSale(draft.SaleId, TillSaleKind.Sale, order.ListTotal, order.Discount, order.PointsRedeemed, order.PointsEarned, payments, draft.SoldAt);
        if (!await tills.TryAddSaleAsync(db, tenant, session.SessionId, row)
            || !await receipts.TryInsertAsync(db, tenant, store, new StoredReceipt(draft.SaleId, "sale", session.SessionId, order.Order.Value, sale.Hash, receipt.ToJson()),
                null, sale.Now.ToUnixTimeMilliseconds()))
            return StoreErrors.SaleRaced(draft.SaleId, "saleId");
        await db.PublishAsync(new TillSaleRecorded(
            tenant, sale.Member, store, session.TillId, draft.SaleId, order.Order, order.Total, payments, draft.Offline, draft.SoldAt,
            [.. order.Lines.Select(l => new TillSaleLine(l.Sku, l.Quantity))]), ct);
        return receipt;
    }
}

/// <summary>What the till's writes need of a checkout: who, where, the session, the checked request, the code to consume.</summary>
internal sealed record TillSaleContext(
    TenantId Tenant, LocationId Store, TillSessionRow Session, CheckoutDraft Draft, MemberCodeClaims? Claims, MemberId? Member, string Hash, DateTimeOffset Now,
    BagToCheckOut? Bag);
