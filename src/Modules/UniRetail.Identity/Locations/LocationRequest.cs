using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Kernel;

namespace UniRetail.Identity.Locations;

/// <summary>A warehouse, store or partner shop as the API takes it.</summary>
internal sealed record LocationRequest(
    string? Code,
    string? Name,
    string? Kind,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? TimeZone,
    Dictionary<string, string>? OpeningHours,
    bool? Ships,
    bool? Pickup,
    double? DeliveryRadiusKm,
    int? DailyCapacity)
{
    public Result<LocationInfo> ToLocation(LocationId id)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return IdentityErrors.Required("code");
        if (string.IsNullOrWhiteSpace(Name))
            return IdentityErrors.Required("name");
        var kind = LocationKinds.Parse(Kind);
        if (!kind.IsSuccess)
            return kind.Error;
        if (Latitude is null)
            return IdentityErrors.Required("latitude");
        if (Longitude is null)
            return IdentityErrors.Required("longitude");
        var position = GeoPoint.Of(Latitude.Value, Longitude.Value);
        if (!position.IsSuccess)
            return position.Error;
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? "Etc/UTC" : TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            return IdentityErrors.UnknownTimeZone(zone);
        var hours = Contracts.OpeningHours.Parse(OpeningHours);
        if (!hours.IsSuccess)
            return hours.Error;
        if (DeliveryRadiusKm is < 0 or > 200)
            return IdentityErrors.BadCapability("deliveryRadiusKm", "The delivery radius is between 0 and 200 km.");
        if (DailyCapacity is < 0)
            return IdentityErrors.BadCapability("dailyCapacity", "The daily capacity cannot be negative.");
        var isWarehouse = kind.Value == LocationKind.Warehouse;
        if (isWarehouse && (Pickup == true || DeliveryRadiusKm > 0))
            return IdentityErrors.BadCapability("pickup", "A warehouse serves neither pickups nor same-day deliveries.");
        var isPickupPoint = kind.Value == LocationKind.PickupPoint;
        if (isPickupPoint && (Ships == true || DeliveryRadiusKm > 0))
            return IdentityErrors.BadCapability("ships", "A pickup point receives parcels for collection: it neither ships nor delivers.");
        return new LocationInfo(
            id, Code.Trim(), Name.Trim(), kind.Value, Address?.Trim() ?? "", position.Value, zone, hours.Value,
            Ships ?? !isPickupPoint, Pickup ?? !isWarehouse, DeliveryRadiusKm ?? 0, DailyCapacity);
    }
}

/// <summary>A location as the API returns it.</summary>
internal sealed record LocationView(
    string Id, string Code, string Name, string Kind, string Address, double Latitude, double Longitude, string TimeZone,
    IReadOnlyDictionary<string, string> OpeningHours, bool Ships, bool Pickup, double DeliveryRadiusKm, int? DailyCapacity)
{
    public static LocationView From(LocationInfo l) => new(
        l.Id.Value, l.Code, l.Name, LocationKinds.ToName(l.Kind), l.Address, l.Position.Latitude, l.Position.Longitude, l.TimeZone,
        l.Hours.ToMap(), l.Ships, l.Pickup, l.DeliveryRadiusKm, l.DailyCapacity);
}
