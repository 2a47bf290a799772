using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.PlaceOrder;

/// <summary>A place-order request whose every field has been checked on its own (no I/O yet).</summary>
internal sealed record OrderDraft(
    SalesChannel Channel,
    FulfilmentType Fulfilment,
    LocationId? Store,
    MemberId? Member,
    GeoPoint? Destination,
    string? Currency,
    bool PaymentCaptured,
    IReadOnlyList<(Sku Sku, Quantity Quantity)> Lines)
{
    public const int MaxLines = 100;

    public static Result<OrderDraft> Parse(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = SalesChannels.Parse(request.Channel);
        if (!channel.IsSuccess)
            return channel.Error;
        var fulfilment = FulfilmentRules.Parse(request.Fulfilment);
        if (!fulfilment.IsSuccess)
            return fulfilment.Error;
        if (!FulfilmentRules.Allows(fulfilment.Value, channel.Value))
            return OrderErrors.ChannelMismatch(FulfilmentTypes.ToName(fulfilment.Value), SalesChannels.ToName(channel.Value));
        var lines = ParseLines(request.Lines);
        if (!lines.IsSuccess)
            return lines.Error;
        GeoPoint? destination = null;
        if (request.Destination is { } d)
        {
            if (d.Latitude is null || d.Longitude is null)
                return OrderErrors.DestinationIncomplete();
            var point = GeoPoint.Of(d.Latitude.Value, d.Longitude.Value, "destination.latitude");
            if (!point.IsSuccess)
                return point.Error;
            destination = point.Value;
        }
        var store = string.IsNullOrWhiteSpace(request.StoreId) ? (LocationId?)null : new LocationId(request.StoreId.Trim());
        var member = string.IsNullOrWhiteSpace(request.MemberId) ? (MemberId?)null : new MemberId(request.MemberId.Trim());
        var paid = fulfilment.Value == FulfilmentType.InStorePurchase || request.PaymentCaptured == true;
        return new OrderDraft(channel.Value, fulfilment.Value, store, member, destination, request.Currency, paid, lines.Value);
    }

    private static Result<IReadOnlyList<(Sku, Quantity)>> ParseLines(IReadOnlyList<OrderLineRequest>? requested)
    {
        if (requested is not { Count: > 0 })
            return OrderErrors.NoLines("An order");
        if (requested.Count > MaxLines)
            return OrderErrors.TooManyLines("An order", MaxLines);
        var lines = new List<(Sku, Quantity)>(requested.Count);
        var seen = new HashSet<Sku>();
        for (var i = 0; i < requested.Count; i++)
        {
            var sku = Sku.Parse(requested[i].Sku, $"lines[{i}].sku");
            if (!sku.IsSuccess)
                return sku.Error;
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            if (!seen.Add(sku.Value))
                return OrderErrors.DuplicateLine(sku.Value.Value, i);
            lines.Add((sku.Value, quantity.Value));
        }
        return lines;
    }
}
