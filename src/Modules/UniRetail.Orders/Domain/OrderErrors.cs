using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;

namespace UniRetail.Orders.Domain;

internal static class OrderErrors
{
    public static Error CannotTransition(string verb, OrderStatus from) =>
        Error.Conflict($"orders.cannot_{verb}_{OrderStatuses.ToName(from)}", $"An order that is {OrderStatuses.ToName(from).Replace('_', ' ')} cannot be {Describe(verb)}.");

    public static Error WrongFulfilment(string verb, string fulfilment) =>
        Error.Conflict($"orders.cannot_{verb}_{fulfilment}", $"A {fulfilment.Replace('_', ' ')} order cannot be {Describe(verb)}.");

    public static Error UnknownOrder(string id) => Error.NotFound("orders.unknown_order", $"No order '{id}' in this tenant.", "id");

    public static Error UnknownSku(string sku, int line) => Error.NotFound("orders.unknown_sku", $"No active SKU '{sku}' in the catalog.", $"lines[{line}].sku");

    public static Error NoLines(string what) => Error.Validation("orders.no_lines", $"{what} has at least one line.", "lines");

    public static Error TooManyLines(string what, int max) => Error.Validation("orders.too_many_lines", $"{what} has at most {max} lines.", "lines");

    public static Error DuplicateLine(string sku, int line) => Error.Validation("orders.duplicate_line", $"SKU '{sku}' appears twice; put the quantity on one line.", $"lines[{line}].sku");

    public static Error WrongCurrency(string given, string expected) =>
        Error.Validation("orders.wrong_currency", $"This tenant sells in {expected}, not {given}.", "currency");

    public static Error UnknownFulfilment(string? name) =>
        Error.Validation("orders.unknown_fulfilment", $"'{name}' is not a fulfilment type ({FulfilmentTypes.AllNames}).", "fulfilment");

    public static Error DestinationIncomplete() =>
        Error.Validation("orders.destination_incomplete", "A destination has a latitude and a longitude.", "destination");

    public static Error UnknownStore(string? id) => Error.NotFound("orders.unknown_store", $"No location '{id}' in this tenant.", "storeId");

    public static Error NotAStore(FulfilmentType type, string code) => type == FulfilmentType.PickupInStore
        ? Error.Validation("orders.not_a_store", $"{code} is a warehouse: a pickup_in_store order is collected at a store or a partner shop.", "storeId")
        : Error.Validation("orders.not_a_store", $"{code} is not one of the tenant's stores: the storeId of a {FulfilmentTypes.ToName(type)} order names the store that sells it.", "storeId");

    public static Error UnknownStatus(string status) => Error.Validation("orders.unknown_status", $"'{status}' is not an order status.", "status");

    public static Error ChannelMismatch(string fulfilment, string channel) =>
        Error.Validation("orders.channel_mismatch", $"A {fulfilment.Replace('_', ' ')} order cannot come from the {channel} channel.", "channel");

    public static Error UnknownMember(string id) => Error.NotFound("orders.unknown_member", $"No member '{id}' in this tenant.", "memberId");

    public static Error IdempotencyKeyReused() =>
        Error.Conflict("orders.idempotency_key_reused", "This Idempotency-Key was used for a different order request.", "Idempotency-Key");

    public static Error BadIdempotencyKey() =>
        Error.Validation("orders.bad_idempotency_key", "An Idempotency-Key has 1 to 200 printable characters.", "Idempotency-Key");

    public static Error DuplicateReturnLine(int lineNo, int index) =>
        Error.Validation("orders.duplicate_line", $"Line {lineNo} appears twice; put the quantity on one line.", $"lines[{index}].lineNo");

    public static Error UnknownLine(int lineNo, int index) => Error.Validation("orders.unknown_line", $"The order has no line {lineNo}.", $"lines[{index}].lineNo");

    public static Error ReturnTooMany(int lineNo, int returnable, int index) =>
        Error.Conflict("orders.return_exceeds_sold", $"Line {lineNo} has {returnable} units left to return.", $"lines[{index}].quantity");

    public static Error BadCondition(string? condition) =>
        Error.Validation("orders.bad_condition", $"'{condition}' is not a return condition (resellable, damaged).", "condition");

    public static Error TooManyCoupons(int max) =>
        Error.Validation("orders.too_many_coupons", $"An order carries at most {max} coupon code.", "coupons");

    public static Error GuestWithMember() =>
        Error.Validation("orders.guest_with_member", "An order is a member's (memberId) or a guest's (guest), not both.", "guest");

    public static Error BadGuest(string field, string message) => Error.Validation("orders.bad_guest", message, field);

    public static Error BadCoupon() => Error.Validation("orders.bad_coupon", "A coupon code has 1 to 64 characters.", "coupons[0]");

    public static Error NegativeBenefit(string field) => Error.Validation("orders.negative_benefit", "Benefits pay 0 or more.", field);

    public static Error MissingAmount(string field) => Error.Validation("orders.required", $"'{field}' is required.", field);

    public static Error BenefitsNeedMember(string field) =>
        Error.Validation("orders.benefits_need_member", "Points and wallet money belong to a member: give memberId.", field);

    public static Error BenefitsAboveTotal(string total, string field) =>
        Error.Conflict("orders.benefits_above_total", $"Points, wallet and gift card together pay more than the order's total of {total}.", field);

    public static Error Concurrent() => Error.Conflict("orders.changed_concurrently", "The order changed while this request ran; read it again and retry.");

    private static string Describe(string verb) => verb switch
    {
        "cancel" => "cancelled",
        "confirm" => "confirmed",
        "pick" => "picked",
        "ready" => "made ready for pickup",
        "ship" => "shipped",
        "dispatch" => "dispatched for delivery",
        "complete" => "completed",
        "return" => "returned",
        _ => verb,
    };
}
