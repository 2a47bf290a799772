using System.Globalization;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;
using UniRetail.Web;

namespace UniRetail.Store.Bags;

/// <summary>
/// What a scan suggests. Complements: the scanned SKU's ranked complements (at most <see cref="ComplementRules.TopK"/>, one
/// range read), minus what the bag holds, kept only when available at the bag's store (Inventory's positions there,
/// available &gt; 0) and on sale there (Catalog's prices), the best three. Reminders: the engine's hints on the bag now, and each
/// promotion that does not apply now but does when the bag is priced an hour, two or three from now. At most four pricings
/// and three reads per scan, whatever the size of the catalog or the order history.
/// </summary>
internal sealed class BagSuggestions(Database database, ComplementStore complements, IStockMovements stock, ISkuPricing prices, IBasketPricing promotions, BagPricing bags)
{
    public async Task<IReadOnlyList<ComplementView>> ComplementsAsync(TenantId tenant, LocationId store, Sku scanned, IReadOnlyCollection<Sku> inBag, CancellationToken ct)
    {
        var ranked = (await database.ReadAsync(c => complements.ComplementsOfAsync(c, tenant, scanned), ct)).Where(c => !inBag.Contains(c.Sku)).ToList();
        if (ranked.Count == 0)
            return [];
        var available = (await stock.PositionsAtAsync(tenant, store, ranked.Select(c => c.Sku).ToList(), ct))
            .Where(p => p.Available > 0).ToDictionary(p => p.Sku, p => p.Available);
        var inStock = ranked.Where(c => available.ContainsKey(c.Sku)).ToList();
        if (inStock.Count == 0)
            return [];
        var onSale = await prices.PriceAsync(tenant, inStock.Select(c => c.Sku).ToList(), SalesChannel.Pos, store, ct);
        return inStock.Where(c => onSale.ContainsKey(c.Sku)).Take(BagRules.Suggestions)
            .Select(c => new ComplementView(c.Sku.Value, onSale[c.Sku].Name, MoneyView.From(onSale[c.Sku].UnitPrice), Math.Round(c.Lift, 4), available[c.Sku]))
            .ToList();
    }

    public async Task<IReadOnlyList<ReminderView>> RemindersAsync(
        TenantId tenant, BagRecord bag, IReadOnlyList<BagLineRecord> lines, PricedBasket? now, DateTimeOffset at, CancellationToken ct)
    {
        if (now is null || !await promotions.HasActivePromotionsAsync(tenant, ct))
            return [];
        var reminders = now.Hints.Select(h => new ReminderView(
            h.Kind, h.Promotion.Value, null, h.Message, h.SpendMore is { } more ? MoneyView.From(more) : null, h.AddQuantity, h.Sku?.Value, null, null)).ToList();
        var applying = now.Applied.Select(a => a.Promotion).ToHashSet();
        for (var hours = 1; hours <= BagRules.ReminderHours; hours++)
        {
            var then = at.AddHours(hours);
            var later = await bags.PriceAsync(tenant, bag, lines, then, ct);
            foreach (var promotion in later?.Applied ?? [])
            {
                if (!applying.Add(promotion.Promotion))
                    continue;
                var within = hours == 1 ? "the next hour" : string.Create(CultureInfo.InvariantCulture, $"the next {hours} hours");
                reminders.Add(new ReminderView("starts_soon", promotion.Promotion.Value, promotion.Code,
                    $"{promotion.Name} starts within {within}: it would take {promotion.Amount} off this bag.", null, null, null, then, MoneyView.From(promotion.Amount)));
            }
        }
        return reminders;
    }
}
