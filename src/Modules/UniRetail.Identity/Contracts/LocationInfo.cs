using UniRetail.Kernel;

namespace UniRetail.Identity.Contracts;

/// <summary>What kind of place holds stock.</summary>
public enum LocationKind
{
    /// <summary>A distribution centre: ships, never sells over a counter.</summary>
    Warehouse,
    /// <summary>A store of the tenant: sells, ships, serves pickups and deliveries as its capabilities say.</summary>
    Store,
    /// <summary>A small independent partner shop acting as a pickup/fulfilment point.</summary>
    PartnerShop,
    /// <summary>
    /// A counter in a shop of the tenant's network that receives the tenant's parcels for collection: none of the tenant's
    /// stock is there, nothing ships from it; its daily capacity counts parcels.
    /// </summary>
    PickupPoint,
}

/// <summary>
/// A warehouse, store or partner shop with its position, hours and fulfilment capabilities. <c>DeliveryRadiusKm</c> is
/// the same-day delivery radius (0: does not deliver); <c>DailyCapacity</c> the most orders it fulfils a day (null: unlimited).
/// </summary>
public sealed record LocationInfo(
    LocationId Id,
    string Code,
    string Name,
    LocationKind Kind,
    string Address,
    GeoPoint Position,
    string TimeZone,
    OpeningHours Hours,
    bool Ships,
    bool Pickup,
    double DeliveryRadiusKm,
    int? DailyCapacity)
{
    /// <summary>True when the location is open at <paramref name="instant"/> in its own time zone.</summary>
    public bool IsOpenAt(DateTimeOffset instant) => Hours.IsOpenAt(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)));

    /// <summary>The calendar day at the location, which its daily capacity counts.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}

/// <summary>The tenant's locations, read through a short-lived cache.</summary>
public interface ILocationDirectory
{
    /// <summary>Every location of the tenant.</summary>
    Task<IReadOnlyList<LocationInfo>> ListAsync(TenantId tenant, CancellationToken ct);

    /// <summary>One location of the tenant, or null.</summary>
    Task<LocationInfo?> FindAsync(TenantId tenant, LocationId location, CancellationToken ct);
}

/// <summary>A tenant's settings other modules need.</summary>
public sealed record TenantInfo(TenantId Id, string Name, Currency Currency);

/// <summary>Reads tenants.</summary>
public interface ITenantDirectory
{
    /// <summary>The tenant, or null when no such tenant exists.</summary>
    Task<TenantInfo?> FindAsync(TenantId tenant, CancellationToken ct);

    /// <summary>The tenants with this name (compared without case or surrounding spaces); at most ten, for a caller to tell apart.</summary>
    Task<IReadOnlyList<TenantInfo>> NamedAsync(string name, CancellationToken ct);
}
