using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Identity.Domain;

/// <summary>Location kinds as written in the API: <c>warehouse</c>, <c>store</c>, <c>partner_shop</c>, <c>pickup_point</c>.</summary>
internal static class LocationKinds
{
    public static string ToName(LocationKind kind) => kind switch
    {
        LocationKind.Warehouse => "warehouse",
        LocationKind.Store => "store",
        LocationKind.PartnerShop => "partner_shop",
        LocationKind.PickupPoint => "pickup_point",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Result<LocationKind> Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "warehouse" => LocationKind.Warehouse,
        "store" => LocationKind.Store,
        "partner_shop" => LocationKind.PartnerShop,
        "pickup_point" => LocationKind.PickupPoint,
        _ => Error.Validation("identity.bad_location_kind", $"'{name}' is not a location kind (warehouse, store, partner_shop, pickup_point).", "kind"),
    };
}
