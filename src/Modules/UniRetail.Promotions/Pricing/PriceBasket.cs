using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Domain;
using UniRetail.Web;

namespace UniRetail.Promotions.Pricing;

internal sealed record BasketLineRequest(string? Sku, int Quantity, decimal? UnitPrice);

/// <summary>
/// <c>POST /api/baskets/price</c>: a basket to price. <c>at</c> defaults to now (a later instant previews a happy hour);
/// <c>unlockedPromotionIds</c> are taken as given, since pricing changes nothing (placing an order derives them from coupons).
/// </summary>
internal sealed record PriceBasketRequest(
    string? Channel, string? StoreId, string? MemberId, IReadOnlyList<BasketLineRequest?>? Lines, IReadOnlyList<string?>? UnlockedPromotionIds, DateTimeOffset? At);

internal sealed record AppliedView(string PromotionId, string Code, string Name, MoneyView Amount);

internal sealed record DeclinedView(string PromotionId, string Code, string Reason);

internal sealed record HintView(string PromotionId, string Kind, string Message, MoneyView? SpendMore, int? AddQuantity, string? Sku);

internal sealed record PricedLineView(
    int LineNo, string Sku, string Name, int Quantity, MoneyView UnitPrice, MoneyView ListTotal, MoneyView Discount, MoneyView NetTotal,
    IReadOnlyList<AppliedView> Applied, IReadOnlyList<DeclinedView> Declined);

internal sealed record PricedBasketView(
    string Currency, IReadOnlyList<PricedLineView> Lines, MoneyView Subtotal, MoneyView DiscountTotal, MoneyView Total,
    IReadOnlyList<AppliedView> Applied, IReadOnlyList<DeclinedView> Declined, IReadOnlyList<HintView> Hints)
{
    public static PricedBasketView From(PricedBasket b) => new(
        b.Currency.Code,
        b.Lines.Select(l => new PricedLineView(l.LineNo, l.Sku.Value, l.Name, l.Quantity.Value, MoneyView.From(l.UnitPrice), MoneyView.From(l.ListTotal),
            MoneyView.From(l.Discount), MoneyView.From(l.NetTotal), l.Applied.Select(Of).ToList(), l.Declined.Select(Of).ToList())).ToList(),
        MoneyView.From(b.Subtotal), MoneyView.From(b.DiscountTotal), MoneyView.From(b.Total),
        b.Applied.Select(Of).ToList(), b.Declined.Select(Of).ToList(),
        b.Hints.Select(h => new HintView(h.Promotion.Value, h.Kind, h.Message, h.SpendMore is { } m ? MoneyView.From(m) : null, h.AddQuantity, h.Sku?.Value)).ToList());

    private static AppliedView Of(AppliedPromotion a) => new(a.Promotion.Value, a.Code, a.Name, MoneyView.From(a.Amount));

    private static DeclinedView Of(DeclinedPromotion d) => new(d.Promotion.Value, d.Code, d.Reason);
}

/// <summary>Reads the request, checks the caller may price at the store, and prices through <see cref="IBasketPricing"/>.</summary>
internal sealed class PriceBasket(IBasketPricing pricing, Persistence.PromotionCache cache, TimeProvider clock)
{
    public async Task<Result<PricedBasketView>> HandleAsync(Caller caller, PriceBasketRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (request is null)
            return PromotionsErrors.Required("body");
        var channel = SalesChannels.Parse(request.Channel);
        if (!channel.IsSuccess)
            return channel.Error with { Code = "promotions.unknown_channel" };
        LocationId? store = string.IsNullOrWhiteSpace(request.StoreId) ? null : new LocationId(request.StoreId.Trim());
        if (caller.Role == Role.StoreStaff)
        {
            if (store is not { } at)
                return PromotionsErrors.StoreStaffNeedsStore(caller.Store);
            if (caller.EnsureCanActAt(at, "storeId") is { IsSuccess: false } denied)
                return denied.Error;
        }
        if (request.Lines is not { Count: > 0 })
            return PromotionsErrors.NoLines();
        if (request.Lines.Count > BasketPricing.MaxLines)
            return PromotionsErrors.TooManyLines(BasketPricing.MaxLines);
        if (await cache.CurrencyOfAsync(caller.Tenant, ct) is not { } currency)
            return PromotionsErrors.UnknownTenant();
        var lines = new List<BasketLineToPrice>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (request.Lines[i] is not { } line)
                return PromotionsErrors.Required($"lines[{i}]");
            var sku = Sku.Parse(line.Sku, $"lines[{i}].sku");
            if (!sku.IsSuccess)
                return sku.Error;
            var quantity = Quantity.Of(line.Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            Money? unitPrice = null;
            if (line.UnitPrice is { } given)
            {
                var money = Money.Of(given, currency, $"lines[{i}].unitPrice");
                if (!money.IsSuccess)
                    return money.Error;
                unitPrice = money.Value;
            }
            lines.Add(new BasketLineToPrice(sku.Value, quantity.Value, unitPrice));
        }
        var unlocked = new HashSet<PromotionId>();
        if (request.UnlockedPromotionIds?.Count > BasketPricing.MaxUnlocked)
            return PromotionsErrors.TooManyCoupons(BasketPricing.MaxUnlocked);
        for (var i = 0; i < (request.UnlockedPromotionIds?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(request.UnlockedPromotionIds![i]))
                return PromotionsErrors.Required($"unlockedPromotionIds[{i}]");
            unlocked.Add(new PromotionId(request.UnlockedPromotionIds[i]!.Trim()));
        }
        MemberId? member = string.IsNullOrWhiteSpace(request.MemberId) ? null : new MemberId(request.MemberId.Trim());
        var basket = new BasketToPrice(channel.Value, store, member, lines, unlocked, request.At ?? clock.GetUtcNow());
        return (await pricing.PriceAsync(caller.Tenant, basket, ct)).Map(PricedBasketView.From);
    }
}
