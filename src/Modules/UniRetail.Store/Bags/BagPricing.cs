using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;
using UniRetail.Web;

namespace UniRetail.Store.Bags;

/// <summary>
/// A bag as the shopper sees it: its lines priced by the promotions engine (<see cref="IBasketPricing"/>, channel <c>pos</c>,
/// the bag's store and member), exactly as the till will price them at this moment.
/// </summary>
internal sealed class BagPricing(IBasketPricing pricing)
{
    public async Task<PricedBasket?> PriceAsync(TenantId tenant, BagRecord bag, IReadOnlyList<BagLineRecord> lines, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            return null;
        var basket = new BasketToPrice(SalesChannel.Pos, bag.Store, bag.Member, lines.Select(l => new BasketLineToPrice(l.Sku, Quantity.FromStored(l.Quantity))).ToList(), [], at);
        // A SKU taken off sale since it was scanned cannot be priced: the bag still shows its lines, without prices.
        var priced = await pricing.PriceAsync(tenant, basket, ct);
        return priced.IsSuccess ? priced.Value : null;
    }

    public static BagView View(BagRecord bag, IReadOnlyList<BagLineRecord> lines, PricedBasket? priced, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(lines);
        var bySku = priced?.Lines.ToDictionary(l => l.Sku);
        var views = lines.Select(l => bySku is not null && bySku.TryGetValue(l.Sku, out var p)
            ? new BagLineView(l.Sku.Value, l.Gtin, p.Name, l.Quantity, MoneyView.From(p.UnitPrice), MoneyView.From(p.NetTotal))
            : new BagLineView(l.Sku.Value, l.Gtin, null, l.Quantity, null, null)).ToList();
        var totals = priced is null ? null : new BagTotalsView(MoneyView.From(priced.Subtotal), MoneyView.From(priced.DiscountTotal), MoneyView.From(priced.Total));
        return new BagView(bag.BagId, bag.Store.Value, bag.Member.Value, StatusOf(bag, now), bag.StartedBy, bag.Version, bag.StartedAt, bag.ExpiresAt, views, totals, bag.CheckoutRef);
    }

    public static string StatusOf(BagRecord bag, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bag);
        return bag.Status == BagRules.Open && now >= bag.ExpiresAt ? BagRules.Expired : bag.Status;
    }
}
