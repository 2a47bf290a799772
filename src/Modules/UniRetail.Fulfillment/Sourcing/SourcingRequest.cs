using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

internal sealed record SourcingLine(Sku Sku, Quantity Quantity);

/// <summary>
/// What to source. <c>Destination</c> is the customer's address (ShipToHome, SameDayDelivery; EndlessAisle falls back
/// to the originating store). <c>StoreId</c> is the chosen store (PickupInStore, InStorePurchase) or the originating
/// store (EndlessAisle). <c>At</c> decides opening hours.
/// </summary>
internal sealed record SourcingRequest(
    FulfilmentType Type,
    IReadOnlyList<SourcingLine> Lines,
    GeoPoint? Destination,
    LocationId? StoreId,
    DateTimeOffset At);
