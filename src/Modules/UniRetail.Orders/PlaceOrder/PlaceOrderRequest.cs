namespace UniRetail.Orders.PlaceOrder;

internal sealed record OrderLineRequest(string? Sku, int Quantity);

internal sealed record DestinationRequest(double? Latitude, double? Longitude, string? Address);

/// <summary>An amount as requests write it: <c>{"amount": 2.50}</c>; <c>currency</c>, when given, is the tenant's.</summary>
internal sealed record AmountRequest(decimal? Amount, string? Currency);

/// <summary>Gift card money paying part of an order: the card's code and how much.</summary>
internal sealed record GiftCardPaymentRequest(string? Code, AmountRequest? Amount);

/// <summary>A guest (no memberId) as the shop knows them: its anonymous id and/or e-mail, so the data bank can put the order's coupon on their profile.</summary>
internal sealed record GuestRequest(string? AnonymousId, string? Email);

/// <summary>
/// An order from any channel. <c>storeId</c>: the pickup store (pickup_in_store), or the store where it is taken
/// (in_store_purchase, endless_aisle). <c>destination</c>: where it goes (ship_to_home, same_day_delivery, endless_aisle).
/// <c>paymentCaptured</c>: paid already, so the stock is held without expiry; otherwise the hold expires unless confirmed.
/// Benefits paying part of it: <c>coupons</c> (one code an order; it unlocks its promotion and counts as used),
/// <c>points</c> (the member's, at the program's rate), <c>wallet</c> (the member's stored value), <c>giftCard</c>.
/// <c>guest</c>: who a guest is (<c>anonymousId</c>, <c>email</c>), never with <c>memberId</c>.
/// </summary>
internal sealed record PlaceOrderRequest(
    string? Channel,
    string? Fulfilment,
    string? StoreId,
    string? MemberId,
    DestinationRequest? Destination,
    string? Currency,
    bool? PaymentCaptured,
    IReadOnlyList<OrderLineRequest>? Lines,
    IReadOnlyList<string?>? Coupons = null,
    long? Points = null,
    AmountRequest? Wallet = null,
    GiftCardPaymentRequest? GiftCard = null,
    GuestRequest? Guest = null);
