using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.Persistence;

internal sealed class OrderRow
{
    public string OrderId { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Fulfilment { get; init; } = "";
    public string Status { get; init; } = "";
    public string? MemberId { get; init; }
    public string? StoreId { get; init; }
    public double? DestLatitude { get; init; }
    public double? DestLongitude { get; init; }
    public string Currency { get; init; } = "";
    public string Routing { get; init; } = "";
    public string? CancelReason { get; init; }
    public long PlacedAtMs { get; init; }
    public long Version { get; init; }
    public string? CouponCode { get; init; }
    public long PointsRedeemed { get; init; }
    public long PointsValueMinor { get; init; }
    public long WalletMinor { get; init; }
    public long GiftCardMinor { get; init; }
    public long PointsEarned { get; init; }

    public Order ToOrder(IEnumerable<LineRow> lines, IEnumerable<AllocationRow> allocations, IEnumerable<OrderDiscount> discounts)
    {
        var currency = Kernel.Currency.FromStored(Currency);
        var order = new Order
        {
            Id = new OrderId(OrderId),
            Channel = SalesChannels.Parse(Channel).Value,
            Fulfilment = FulfilmentRules.Parse(Fulfilment).Value,
            Status = OrderStatuses.Parse(Status),
            Member = MemberId is null ? null : new MemberId(MemberId),
            Store = StoreId is null ? null : new LocationId(StoreId),
            Destination = DestLatitude is { } lat && DestLongitude is { } lon ? GeoPoint.FromStored(lat, lon) : null,
            Currency = currency,
            Lines = lines.Select(l => l.ToLine(currency)).ToList(),
            Allocations = allocations.Select(a => new Allocation((int)a.LineNo, new LocationId(a.LocationId), (int)a.Quantity)).ToList(),
            Routing = Routing,
            PlacedAt = DateTimeOffset.FromUnixTimeMilliseconds(PlacedAtMs),
            Version = Version,
            Discounts = discounts.ToList(),
            Benefits = new OrderBenefits(CouponCode, PointsRedeemed, PointsValueMinor, WalletMinor, GiftCardMinor, PointsEarned),
        };
        if (CancelReason is not null)
            order.RestoreCancelReason(CancelReason);
        return order;
    }
}

internal sealed class LineRow
{
    public string OrderId { get; init; } = "";
    public long LineNo { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public long Quantity { get; init; }
    public long UnitPriceMinor { get; init; }
    public long ReturnedQuantity { get; init; }
    public long DiscountMinor { get; init; }
    public string? Promotions { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public OrderLine ToLine(Currency currency) => new(
        (int)LineNo, Kernel.Sku.FromStored(Sku), Name, Kernel.Quantity.FromStored((int)Quantity), Money.FromMinor(UnitPriceMinor, currency), (int)ReturnedQuantity)
    {
        DiscountMinor = DiscountMinor,
        Applied = Promotions is null ? [] : JsonSerializer.Deserialize<List<OrderDiscount>>(Promotions, Json)!,
    };
}

internal sealed class AllocationRow
{
    public string OrderId { get; init; } = "";
    public long LineNo { get; init; }
    public string LocationId { get; init; } = "";
    public long Quantity { get; init; }
}

internal sealed class StatusChangeRow
{
    public long Seq { get; init; }
    public string Status { get; init; } = "";
    public string? Note { get; init; }
    public string Actor { get; init; } = "";
    public long AtMs { get; init; }
}

internal sealed class ReturnRow
{
    public string ReturnId { get; init; } = "";
    public long LineNo { get; init; }
    public long Quantity { get; init; }
    public string LocationId { get; init; } = "";
    public string Condition { get; init; } = "";
    public long RefundMinor { get; init; }
    public string? Reason { get; init; }
    public long CreatedAtMs { get; init; }
}
