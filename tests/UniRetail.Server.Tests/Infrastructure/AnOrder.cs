namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>Starts an order request: <c>AnOrder.ShipToHome(London.Shoreditch).WithLine("MUG-BLUE", 2)</c>. Paid unless told otherwise.</summary>
public static class AnOrder
{
    public static OrderBuilder ShipToHome(Place to) => new("web", "ship_to_home", null, to);

    public static OrderBuilder PickupAt(Location store) => new("web", "pickup_in_store", store.Id, null);

    public static OrderBuilder SameDayTo(Place to) => new("app", "same_day_delivery", null, to);

    public static OrderBuilder InStoreAt(Location store) => new("pos", "in_store_purchase", store.Id, null);

    public static OrderBuilder EndlessAisleAt(Location store, Place to) => new("pos", "endless_aisle", store.Id, to);
}

public sealed class OrderBuilder(string channel, string fulfilment, string? storeId, Place? destination)
{
    private readonly List<(string Sku, int Quantity)> _lines = [];
    private bool _paid = true;
    private string? _currency;
    private string? _memberId;

    public OrderBuilder WithLine(string sku, int quantity)
    {
        _lines.Add((sku, quantity));
        return this;
    }

    /// <summary>Payment not captured yet: the stock is held for the payment window only.</summary>
    public OrderBuilder Unpaid()
    {
        _paid = false;
        return this;
    }

    public OrderBuilder InCurrency(string currency)
    {
        _currency = currency;
        return this;
    }

    public OrderBuilder ForMember(string memberId)
    {
        _memberId = memberId;
        return this;
    }

    public object ToJson() => new
    {
        channel,
        fulfilment,
        storeId,
        memberId = _memberId,
        destination = destination is null ? null : new { latitude = destination.Latitude, longitude = destination.Longitude, address = destination.Name },
        currency = _currency,
        paymentCaptured = _paid,
        lines = _lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToList(),
    };
}
