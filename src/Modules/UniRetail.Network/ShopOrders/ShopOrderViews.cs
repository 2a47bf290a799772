using UniRetail.Kernel;
using UniRetail.Network.Persistence;
using UniRetail.Web;

namespace UniRetail.Network.ShopOrders;

/// <summary>A wholesale SKU and units, a whole number of its cases.</summary>
public sealed record ShopOrderLineRequest(string? Sku, int? Units);

/// <summary>A shop's order from its platform, delivered to <c>locationId</c>: the lines, or <c>fromSuggestion: true</c> for the suggested order.</summary>
public sealed record ShopOrderRequest(string? LocationId, IReadOnlyList<ShopOrderLineRequest>? Lines, bool? FromSuggestion);

/// <summary>
/// A line in cases at the price it was ordered at (<c>tierFromCases</c>: the monthly-volume tier that priced it, 0 for the
/// list price), and what the shop counts in: its own SKU, <c>deliveredUnits</c>, and once received, received, damaged and short units.
/// </summary>
public sealed record ShopOrderLineView(
    int LineNo, string WholesaleSku, int Cases, int CasePack, int Units, MoneyView CasePrice, int TierFromCases, MoneyView Total,
    string Sku, int UnitsPerCase, int DeliveredUnits, int? ReceivedUnits, int? DamagedUnits, int? ShortUnits);

public sealed record ShopOrderView(
    string Id, string LocationId, string Status, DateOnly DeliveryDate, MoneyView Total, DateTimeOffset PlacedAt, DateTimeOffset? ReceivedAt,
    IReadOnlyList<ShopOrderLineView> Lines)
{
    internal static ShopOrderView From(ShopOrderRow order, IEnumerable<ShopOrderLineRow> lines)
    {
        var currency = Currency.FromStored(order.Currency);
        MoneyView Of(long minor) => MoneyView.From(Money.FromMinor(minor, currency));
        return new ShopOrderView(
            order.OrderId, order.LocationId, order.Status, DateOnly.FromDayNumber(order.DeliveryDay), Of(order.TotalMinor),
            DateTimeOffset.FromUnixTimeMilliseconds(order.PlacedAtMs), order.ReceivedAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            [.. lines.Select(l => new ShopOrderLineView(
                l.LineNo, l.WholesaleSku, l.Cases, l.CasePack, l.Cases * l.CasePack, Of(l.CasePriceMinor), l.TierFromCases, Of(l.CasePriceMinor * l.Cases),
                l.Sku, l.UnitsPerCase, l.DeliveredUnits, l.ReceivedUnits, l.DamagedUnits,
                l.ReceivedUnits is { } received ? l.DeliveredUnits - received - (l.DamagedUnits ?? 0) : null))]);
    }
}

/// <summary>A shop order in the list of the shop's orders: what <see cref="ShopOrderView"/> says without its lines.</summary>
public sealed record ShopOrderSummaryView(
    string Id, string LocationId, string Status, DateOnly DeliveryDate, MoneyView Total, DateTimeOffset PlacedAt, DateTimeOffset? ReceivedAt)
{
    internal static ShopOrderSummaryView From(ShopOrderRow order) => new(
        order.OrderId, order.LocationId, order.Status, DateOnly.FromDayNumber(order.DeliveryDay),
        MoneyView.From(Money.FromMinor(order.TotalMinor, Currency.FromStored(order.Currency))), DateTimeOffset.FromUnixTimeMilliseconds(order.PlacedAtMs),
        order.ReceivedAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}

/// <summary>The order and whether it is the replay of an earlier request with the same Idempotency-Key.</summary>
internal sealed record PlacedShopOrder(ShopOrderView Order, bool Replayed);
