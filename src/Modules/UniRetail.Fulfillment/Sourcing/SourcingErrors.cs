using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

internal static class SourcingErrors
{
    public static Error NoLocationCanFulfil(string what, string why) =>
        Error.Conflict("fulfillment.no_location_can_fulfil", $"No location can {what}: {why}.");

    public static Error DestinationRequired(FulfilmentType type) =>
        Error.Validation("fulfillment.destination_required", $"A {FulfilmentTypes.ToName(type)} order needs a destination.", "destination");

    public static Error StoreRequired(FulfilmentType type) =>
        Error.Validation("fulfillment.store_required", $"A {FulfilmentTypes.ToName(type)} order needs a storeId.", "storeId");

    public static Error UnknownStore(LocationId store) =>
        Error.NotFound("fulfillment.unknown_store", $"There is no location '{store}'.", "storeId");

    public static Error NotAPickupStore(string code) =>
        Error.Validation("fulfillment.not_a_pickup_store", $"{code} does not offer pickup.", "storeId");

    public static Error OutOfStock(SkuDemand line, int onShelf, string code) =>
        Error.Conflict("fulfillment.out_of_stock", $"Only {onShelf} of {line.Units} {line.Sku} on the shelf at {code}.", line.Field);

    public static Error PickupPointFull(string code, int capacity) =>
        Error.Conflict(IOrderRouting.PickupPointFull, $"Pickup point {code} takes {capacity} parcels a day and has none left today: choose another point.", "storeId");
}
