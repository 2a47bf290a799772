using UniRetail.Kernel;

namespace UniRetail.Network.Domain.PickupPoints;

/// <summary>The pickup points' errors (kept beside <see cref="NetworkErrors"/> in a list of their own; codes under <c>network.</c>).</summary>
internal static class PickupErrors
{
    public static Error BadParcelCapacity() =>
        Error.Validation("network.bad_parcel_capacity", $"A pickup point takes 1 to {PickupPointTerms.MaxParcelCapacity:N0} parcels a day.", "parcelCapacity");

    public static Error BadFee(Currency currency) =>
        Error.Validation("network.bad_fee", $"A fee per parcel is 0 to {PickupPointTerms.MaxFee:N0} {currency.Code}, in whole minor units.", "feePerParcel");

    public static Error BadHoldDays() =>
        Error.Validation("network.bad_hold_days", $"A parcel waits 1 to {PickupPointTerms.MaxHoldDays} days before it may go back.", "holdDays");

    public static Error BadAddress() =>
        Error.Validation("network.bad_address", "An address has 1 to 300 characters.", "address");

    public static Error BadPosition(string field) =>
        Error.Validation("network.bad_position", "A position is a latitude from -90 to 90 and a longitude from -180 to 180.", field);

    public static Error BadTimeZone(string? zone) =>
        Error.Validation("network.bad_time_zone", $"'{zone}' is not a time zone (write an IANA name such as Europe/London).", "timeZone");

    public static Error BadOpeningHours(string message, string? field) =>
        Error.Validation("network.bad_opening_hours", message, field ?? "openingHours");

    public static Error BadLimit(int max) =>
        Error.Validation("network.bad_limit", $"A limit is 1 to {max}.", "limit");

    public static Error NotAPickupPoint(string agreement) =>
        Error.Conflict("network.not_a_pickup_point", $"The shop of agreement {agreement} is not a pickup point.", "agreementId");

    public static Error LocationCodeTaken(string code) =>
        Error.Conflict("network.pickup_point_code_taken", $"The platform has another location with code {code}.", "agreementId");

    public static Error BadParcelStatus(string? status) =>
        Error.Validation("network.bad_parcel_status", $"'{status}' is not a parcel status ({string.Join(", ", ParcelStatuses.All)}).", "status");

    public static Error UnknownParcel(string? parcel) =>
        Error.NotFound("network.unknown_parcel", $"No parcel '{parcel}' at this shop.", "id");

    public static Error NotArrived(string parcel) =>
        Error.Conflict("network.parcel_not_arrived", $"Parcel {parcel} has not arrived at the counter: mark it arrived first.", "id");

    public static Error AlreadyArrived(string parcel, string status) =>
        Error.Conflict("network.parcel_already_arrived", $"Parcel {parcel} is {status.Replace('_', ' ')} already.", "id");

    public static Error ParcelCancelled(string parcel) =>
        Error.Conflict("network.parcel_cancelled", $"The platform cancelled the order of parcel {parcel}: it cannot be handed over; send it back.", "id");

    public static Error ParcelClosed(string parcel, string status) =>
        Error.Conflict("network.parcel_closed", $"Parcel {parcel} was {status.Replace('_', ' ')} already.", "id");

    public static Error NotDispatched(string parcel) =>
        Error.Conflict("network.parcel_not_dispatched", $"The platform has not dispatched the order of parcel {parcel} (unpaid or not yet allocated): it cannot have arrived.", "id");

    public static Error WrongCode(int attemptsLeft) =>
        Error.Validation("network.wrong_handover_code", $"That is not this parcel's code; {attemptsLeft} attempt(s) left before the parcel locks for {ParcelRules.LockWindow.TotalMinutes:0} minutes.", "code");

    public static Error Locked(DateTimeOffset until) =>
        Error.Conflict("network.handover_locked", $"Too many wrong codes: the parcel takes a code again from {until:yyyy-MM-dd HH:mm} UTC.", "code");

    public static Error NotDue(string parcel, DateTimeOffset from) =>
        Error.Conflict("network.parcel_not_due", $"Parcel {parcel} waits for its customer until {from:yyyy-MM-dd HH:mm} UTC before it may go back.", "id");

    public static Error Moved(string parcel) =>
        Error.Conflict("network.parcel_moved", $"Parcel {parcel} changed meanwhile: read it again.", "id");
}
