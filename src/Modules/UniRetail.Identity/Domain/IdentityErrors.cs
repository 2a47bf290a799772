using UniRetail.Kernel;

namespace UniRetail.Identity.Domain;

internal static class IdentityErrors
{
    public static Error UnknownLocation(string id, string field = "locationId") =>
        Error.NotFound("identity.unknown_location", $"No location '{id}' in this tenant.", field);

    public static Error DuplicateLocationCode(string code) =>
        Error.Conflict("identity.duplicate_location_code", $"A location with code '{code}' already exists.", "code");

    public static Error UnknownTimeZone(string zone) =>
        Error.Validation("identity.unknown_time_zone", $"'{zone}' is not an IANA time zone.", "timeZone");

    public static Error Required(string field) =>
        Error.Validation("identity.required", $"'{field}' is required.", field);


    public static Error StoreRequiredForStaff() =>
        Error.Validation("identity.store_required", "A store staff key must name its store.", "storeId");

    public static Error NotAStore(string id) =>
        Error.Validation("identity.not_a_store", $"Location '{id}' is not a store.", "storeId");

    public static Error UnknownKey(string id) =>
        Error.NotFound("identity.unknown_key", $"No API key '{id}' in this tenant.", "keyId");


    public static Error BadCapability(string field, string message) =>
        Error.Validation("identity.bad_capability", message, field);

    public static Error BadEmail() =>
        Error.Validation("identity.bad_email", "The e-mail must be one address (name@domain), at most 254 characters.", "email");

    public static Error BadPassword(int min, int max) =>
        Error.Validation("identity.bad_password", $"A password has {min} to {max} characters.", "password");

    public static Error DuplicateUser(string email) =>
        Error.Conflict("identity.duplicate_user", $"This tenant already has a user '{email}'.", "email");

    public static Error BadSignIn() =>
        Error.Validation("identity.bad_sign_in", "The tenant, e-mail or password is not right.", "password");

    public static Error LockedOut(DateTimeOffset until) =>
        Error.Forbidden("identity.locked_out", $"Too many failed sign-ins: this user is locked until {until:HH:mm} UTC.", "email");
}
