using UniRetail.Catalog.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Pricing;

/// <summary>
/// <see cref="IBasketPricing"/>: resolves the basket's SKUs (price and category for its channel and store), store (its time
/// zone) and member (its tier) in the tenant, then prices it with the tenant's current promotion snapshot. Reads only.
/// </summary>
internal sealed class BasketPricing(
    ISkuPricing catalog, ILocationDirectory locations, IMemberDirectory members, IMemberTierLookup tiers, PromotionCache cache) : IBasketPricing
{
    /// <summary>The most lines a basket to price holds (an order's own limit).</summary>
    public const int MaxLines = 100;

    /// <summary>The most coupon-unlocked promotions a basket carries.</summary>
    public const int MaxUnlocked = 50;

    public async Task<bool> HasActivePromotionsAsync(TenantId tenant, CancellationToken ct) =>
        await cache.CurrencyOfAsync(tenant, ct) is { } currency && (await cache.IndexOfAsync(tenant, currency)).Ranked.Count > 0;

    public async Task<Result<PricedBasket>> PriceAsync(TenantId tenant, BasketToPrice basket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(basket);
        if (basket.Lines is not { Count: > 0 })
            return PromotionsErrors.NoLines();
        if (basket.Lines.Count > MaxLines)
            return PromotionsErrors.TooManyLines(MaxLines);
        if (basket.UnlockedPromotionIds.Count > MaxUnlocked)
            return PromotionsErrors.TooManyCoupons(MaxUnlocked);
        var skus = new HashSet<Sku>();
        for (var i = 0; i < basket.Lines.Count; i++)
        {
            if (!skus.Add(basket.Lines[i].Sku))
                return PromotionsErrors.DuplicateLine(basket.Lines[i].Sku.Value, i);
        }
        if (await cache.CurrencyOfAsync(tenant, ct) is not { } currency)
            return PromotionsErrors.UnknownTenant();

        TimeZoneInfo? zone = null;
        if (basket.Store is { } storeId)
        {
            if (await locations.FindAsync(tenant, storeId, ct) is not { Kind: not LocationKind.Warehouse } store)
                return PromotionsErrors.UnknownPricingStore(storeId.Value);
            zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        }
        string? tier = null;
        if (basket.Member is { } member)
        {
            if (!await members.ExistsAsync(tenant, member, ct))
                return PromotionsErrors.UnknownMember(member.Value);
            tier = (await tiers.TierOfAsync(tenant, member, ct))?.Trim().ToLowerInvariant();
        }

        var prices = await catalog.PriceAsync(tenant, skus, basket.Channel, basket.Store, ct);
        var lines = new PricingLine[basket.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = basket.Lines[i];
            if (!prices.TryGetValue(line.Sku, out var price))
                return PromotionsErrors.UnknownLineSku(line.Sku.Value, i);
            var unit = price.UnitPrice;
            if (line.UnitPriceOverride is { } overridden)
            {
                if (overridden.Currency != currency)
                    return PromotionsErrors.WrongCurrency(overridden.Currency.Code, currency.Code, $"lines[{i}].unitPrice");
                unit = overridden;
            }
            lines[i] = new PricingLine(line.Sku, price.Name, line.Quantity.Value, unit.MinorUnits, price.Category);
        }
        var index = await cache.IndexOfAsync(tenant, currency);
        var unlocked = basket.UnlockedPromotionIds as IReadOnlySet<PromotionId> ?? basket.UnlockedPromotionIds.ToHashSet();
        var context = new PricingContext(basket.Channel, basket.Store, zone, basket.Member is not null, tier, unlocked, basket.At, currency);
        return PricingEngine.Price(index, context, lines);
    }
}

/// <summary>
/// The answer while no loyalty module is registered: no member has a tier. Member-only prices still apply to any member
/// the Members module knows; tier prices do not.
/// </summary>
internal sealed class NoTiers : IMemberTierLookup
{
    public Task<string?> TierOfAsync(TenantId tenant, MemberId member, CancellationToken ct) => Task.FromResult<string?>(null);
}
