using UniRetail.Kernel;

namespace UniRetail.Inventory.Domain;

internal static class InventoryErrors
{
    public static Error InsufficientStock(Sku sku, LocationId location, string field = "quantity") =>
        Error.Conflict("inventory.insufficient_stock", $"Not enough stock of {sku} at {location}.", field);

    public static Error BelowReserved(Sku sku, LocationId location) =>
        Error.Conflict("inventory.below_reserved", $"The adjustment would leave {sku} at {location} with less on hand than is reserved for orders.", "quantity");

    public static Error ReasonRequired() =>
        Error.Validation("inventory.reason_required", "An adjustment needs a reason (count, damage, theft, ...).", "reason");

    public static Error ZeroAdjustment() =>
        Error.Validation("inventory.zero_adjustment", "An adjustment changes on-hand by a non-zero number of units.", "delta");

    public static Error SameLocation() =>
        Error.Validation("inventory.same_location", "A transfer goes between two different locations.", "toLocationId");

    public static Error UnknownLocation(string id, string field = "locationId") =>
        Error.NotFound("inventory.unknown_location", $"No location '{id}' in this tenant.", field);

    public static Error UnknownSku(string sku, string field = "sku") =>
        Error.NotFound("inventory.unknown_sku", $"No SKU '{sku}' in this tenant's catalog.", field);

    public static Error NegativeSafetyStock() =>
        Error.Validation("inventory.negative_safety_stock", "Safety stock cannot be negative.", "safetyStock");

    public static Error UnknownHold(string reference) =>
        Error.NotFound("inventory.unknown_hold", $"No open hold with reference '{reference}'.", "reference");

    public static Error BadHoldDuration() =>
        Error.Validation("inventory.bad_hold_duration", "A hold lasts between 1 and 1440 minutes.", "holdMinutes");
}
