using UniRetail.Kernel;

namespace UniRetail.Inventory.Domain;

internal static class InventoryErrors
{
    public static Error InsufficientStock(Sku sku, LocationId location, string field = "quantity") =>
        Error.Conflict("inventory.insufficient_stock", $"Not enough stock of {sku} at {location}.", field);

    public static Error BelowReserved(Sku sku, LocationId location) =>
        Error.Conflict("inventory.below_reserved", $"The adjustment would leave {sku} at {location} with less on hand than is reserved for orders.", "quantity");

    public static Error LevelTooLarge(Sku sku, LocationId location, string field) =>
        Error.Conflict("inventory.level_too_large", $"{sku} at {location} would hold more than {StockLimits.MaxLevel:N0} units.", field);

    public static Error ReasonRequired() =>
        Error.Validation("inventory.reason_required", "An adjustment needs a reason (count, damage, theft, ...).", "reason");

    public static Error ZeroAdjustment() =>
        Error.Validation("inventory.zero_adjustment", "An adjustment changes on-hand by a non-zero number of units.", "delta");

    public static Error AdjustmentTooLarge() =>
        Error.Validation("inventory.adjustment_too_large", $"An adjustment changes on-hand by at most {Quantity.Max:N0} units either way.", "delta");

    public static Error SameLocation() =>
        Error.Validation("inventory.same_location", "A transfer goes between two different locations.", "toLocationId");

    public static Error UnknownLocation(string id, string field = "locationId") =>
        Error.NotFound("inventory.unknown_location", $"No location '{id}' in this tenant.", field);

    public static Error UnknownSku(string sku, string field = "sku") =>
        Error.NotFound("inventory.unknown_sku", $"No SKU '{sku}' in this tenant's catalog.", field);

    public static Error SkuRequired() => Error.Validation("inventory.sku_required", "Name the SKU whose ledger to read.", "sku");

    public static Error NegativeSafetyStock() =>
        Error.Validation("inventory.negative_safety_stock", "Safety stock cannot be negative.", "safetyStock");

    public static Error SafetyStockTooLarge() =>
        Error.Validation("inventory.safety_stock_too_large", $"Safety stock is at most {StockLimits.MaxLevel:N0} units.", "safetyStock");

    public static Error NoLines(string what) => Error.Validation("inventory.no_lines", $"{what} has at least one line.", "lines");

    public static Error TooManyLines(string what, int max) => Error.Validation("inventory.too_many_lines", $"{what} has at most {max:N0} lines.", "lines");

    public static Error DuplicateHoldLine(Sku sku, LocationId location, int index) =>
        Error.Validation("inventory.duplicate_line", $"{sku} at {location} appears twice; put the quantity on one line.", $"lines[{index}].sku");

    public static Error BadReference() =>
        Error.Validation("inventory.bad_reference", $"A reference has at most {StockLimits.MaxReferenceLength} characters and no control characters.", "reference");

    public static Error BadHoldReference(string field) =>
        Error.Validation("inventory.bad_hold_reference",
            $"A hold reference has 1 to {Contracts.HoldReference.MaxCartLength} printable ASCII characters, without spaces, slashes or backslashes.", field);

    public static Error UnknownHold(string reference) =>
        Error.NotFound("inventory.unknown_hold", $"No open cart hold with reference '{reference}'.", "reference");

    public static Error OrderHold(string order) =>
        Error.Conflict("inventory.order_hold",
            $"'{order}' is an order: its holds move only with the order (POST /api/orders/{order}/confirm-payment or /cancel).", "reference");

    public static Error HoldAlreadyConfirmed(string reference) =>
        Error.Conflict("inventory.hold_confirmed", $"The hold '{reference}' is confirmed already.", "reference");

    public static Error HoldReferenceReused(string reference) =>
        Error.Conflict("inventory.hold_reference_reused", $"The reference '{reference}' names a hold of other lines; choose another reference.", "reference");

    public static Error BadHoldDuration() =>
        Error.Validation("inventory.bad_hold_duration", "A hold lasts between 1 and 1440 minutes.", "holdMinutes");

    public static Error UnknownReceipt(string id) => Error.NotFound("inventory.unknown_receipt", $"No receipt '{id}' in this tenant.", "id");

}
