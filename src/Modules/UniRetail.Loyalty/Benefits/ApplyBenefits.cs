using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;

namespace UniRetail.Loyalty.Benefits;

/// <summary>
/// The HTTP and CLI door to the contracts, for tills and integrations that are not the order flow: binds a request, then
/// runs the same contract inside one write. Store staff act at their own store only.
/// </summary>
internal sealed class ApplyBenefits(Database database, ILoyaltyBenefits benefits, LoyaltyContext context, ILocationDirectory locations, TimeProvider clock)
{
    public async Task<Result<(RedemptionView View, bool Replayed)>> RedeemAsync(Caller caller, BenefitsRequest request, CancellationToken ct)
    {
        var basket = await BasketAsync(caller, request, ct);
        if (!basket.IsSuccess)
            return basket.Error;
        var (loyaltyBasket, use) = basket.Value;
        var redeemed = await database.WriteAsync(session => benefits.RedeemAsync(session, caller.Tenant, request.Reference ?? "", loyaltyBasket, use, ct), ct);
        return redeemed.Map(r => (RedemptionView.From(r), r.Replayed));
    }

    public async Task<Result<QuoteView>> QuoteAsync(Caller caller, BenefitsRequest request, CancellationToken ct)
    {
        var basket = await BasketAsync(caller, request, ct);
        if (!basket.IsSuccess)
            return basket.Error;
        return (await benefits.QuoteAsync(caller.Tenant, basket.Value.Basket, basket.Value.Use, ct)).Map(QuoteView.From);
    }

    public async Task<Result<(EarnedPoints View, bool Replayed)>> EarnAsync(Caller caller, PurchaseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var channel = SalesChannels.Parse(request.Channel ?? "web");
        if (!channel.IsSuccess)
            return channel.Error;
        var store = await StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        if (request.Lines is null || request.Lines.Count == 0)
            return LoyaltyErrors.Required("lines");
        if (request.Lines.Count > LoyaltyContext.MaxLines)
            return LoyaltyErrors.TooMany("lines", LoyaltyContext.MaxLines, "lines");
        var lines = new List<PurchaseLine>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var field = $"lines[{i}]";
            if (request.Lines[i] is not { } line)
                return LoyaltyErrors.Required(field);
            var sku = Sku.Parse(line.Sku, field + ".sku");
            if (!sku.IsSuccess)
                return sku.Error;
            var net = AmountRequest.Parse(line.Net, currency, field + ".net");
            if (!net.IsSuccess)
                return net.Error;
            var lineId = LoyaltyContext.Reference(line.LineId ?? sku.Value.Value, field + ".lineId");
            if (!lineId.IsSuccess)
                return lineId.Error;
            var category = line.Category?.Trim();
            if (category is { Length: 0 or > 200 } || (category?.Any(char.IsControl) ?? false))
                return LoyaltyErrors.BadText(field + ".category", 200);
            lines.Add(new PurchaseLine(lineId.Value, sku.Value, category, net.Value));
        }
        var purchase = new LoyaltyPurchase(request.Reference ?? "", new MemberId(request.MemberId?.Trim() ?? ""), channel.Value, store.Value, clock.GetUtcNow(), lines);
        var earned = await database.WriteAsync(session => benefits.EarnAsync(session, caller.Tenant, purchase, ct), ct);
        return earned.Map(e => (e, e.Replayed));
    }

    public async Task<Result<(ReturnView View, bool Replayed)>> ReturnAsync(Caller caller, ReturnRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var store = await StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        var given = request.Lines ?? [];
        if (given.Count > LoyaltyContext.MaxLines)
            return LoyaltyErrors.TooMany("lines", LoyaltyContext.MaxLines, "lines");
        var lines = new List<ReturnedLine>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i] is not { } line)
                return LoyaltyErrors.Required($"lines[{i}]");
            var id = LoyaltyContext.Reference(line.LineId, $"lines[{i}].lineId");
            if (!id.IsSuccess)
                return id.Error;
            var amount = AmountRequest.Parse(line.Amount, currency, $"lines[{i}].amount");
            if (!amount.IsSuccess)
                return amount.Error;
            lines.Add(new ReturnedLine(id.Value, amount.Value));
        }
        var wallet = AmountRequest.Optional(request.RefundWallet, currency, "refundWallet");
        if (!wallet.IsSuccess)
            return wallet.Error;
        var gift = AmountRequest.Optional(request.RefundGiftCard, currency, "refundGiftCard");
        if (!gift.IsSuccess)
            return gift.Error;
        var returned = new LoyaltyReturn(request.ReturnReference ?? "", request.OrderReference ?? "", lines, request.RefundPoints, wallet.Value, gift.Value, request.RestoreCoupon ?? false);
        var result = await database.WriteAsync(session => benefits.ReverseAsync(session, caller.Tenant, returned, ct), ct);
        return result.Map(r => (ReturnView.From(r), r.Replayed));
    }

    public async Task<Result<VisitPoints>> VisitAsync(Caller caller, MemberId member, VisitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var store = await StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        if (store.Value is not { } at)
            return LoyaltyErrors.Required("storeId");
        return await database.WriteAsync(session => benefits.RecordVisitAsync(session, caller.Tenant, member, at, clock.GetUtcNow(), ct), ct);
    }

    /// <summary>The store a request names, resolved in the caller's tenant; store staff only at their own, which is also their default.</summary>
    public async Task<Result<LocationId?>> StoreAsync(Caller caller, string? storeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(storeId))
            return caller.Role == Role.StoreStaff ? caller.Store : Result<LocationId?>.Success(null);
        var location = await locations.FindAsync(caller.Tenant, new LocationId(storeId.Trim()), ct);
        if (location is null || location.Kind == LocationKind.Warehouse)
            return LoyaltyErrors.UnknownStore(storeId, "storeId");
        var allowed = caller.EnsureCanActAt(location.Id, "storeId");
        return allowed.IsSuccess ? location.Id : allowed.Error;
    }

    private async Task<Result<(LoyaltyBasket Basket, BenefitsToUse Use)>> BasketAsync(Caller caller, BenefitsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var subtotal = AmountRequest.Parse(request.Subtotal, currency, "subtotal");
        if (!subtotal.IsSuccess)
            return subtotal.Error;
        var channel = SalesChannels.Parse(request.Channel ?? (caller.Role == Role.StoreStaff ? "pos" : "web"));
        if (!channel.IsSuccess)
            return channel.Error;
        var store = await StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        var wallet = AmountRequest.Optional(request.Wallet, currency, "wallet");
        if (!wallet.IsSuccess)
            return wallet.Error;
        Money? gift = null;
        if (request.GiftCard is { } card)
        {
            var amount = AmountRequest.Parse(card.Amount, currency, "giftCard.amount");
            if (!amount.IsSuccess)
                return amount.Error;
            gift = amount.Value;
        }
        var member = string.IsNullOrWhiteSpace(request.MemberId) ? (MemberId?)null : new MemberId(request.MemberId.Trim());
        var basket = new LoyaltyBasket(member, subtotal.Value, channel.Value, store.Value, clock.GetUtcNow());
        return (basket, new BenefitsToUse(request.Points ?? 0, request.Coupon, wallet.Value, request.GiftCard?.Code, gift));
    }
}
