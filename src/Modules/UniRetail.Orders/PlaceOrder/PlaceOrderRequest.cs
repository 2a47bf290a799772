namespace UniRetail.Orders.PlaceOrder;

internal sealed record OrderLineRequest(string? Sku, int Quantity);

internal sealed record DestinationRequest(double? Latitude, double? Longitude, string? Address);

/// <summary>
/// An order from any channel. <c>storeId</c>: the pickup store (pickup_in_store), or the store where it is taken
/// (in_store_purchase, endless_aisle). <c>destination</c>: where it goes (ship_to_home, same_day_delivery, endless_aisle).
/// <c>paymentCaptured</c>: paid already, so the stock is held without expiry; otherwise the hold expires unless confirmed.
/// </summary>
internal sealed record PlaceOrderRequest(
    string? Channel,
    string? Fulfilment,
    string? StoreId,
    string? MemberId,
    DestinationRequest? Destination,
    string? Currency,
    bool? PaymentCaptured,
    IReadOnlyList<OrderLineRequest>? Lines);
