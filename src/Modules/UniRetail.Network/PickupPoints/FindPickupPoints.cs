using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.PickupPoints;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// The platform's pickup points nearest a customer, for its online shop's checkout: distance, opening hours, whether open
/// now, and the parcels each still takes today (its capacity less the orders routing counted on its local day). Linear in
/// the platform's points (at most 10,000); today's counts are read for the points answered only.
/// </summary>
internal sealed class FindPickupPoints(Database database, PickupPointStore store, ILocationDirectory locations, IOrderRouting routing, TimeProvider clock)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public async Task<Result<NearbyPickupPoints>> NearAsync(Caller platform, double? latitude, double? longitude, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (latitude is not { } lat)
            return NetworkErrors.Required("lat");
        if (longitude is not { } lon)
            return NetworkErrors.Required("lon");
        var here = GeoPoint.Of(lat, lon);
        if (!here.IsSuccess)
            return PickupErrors.BadPosition(here.Error.Field == "latitude" ? "lat" : "lon");
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            return PickupErrors.BadLimit(MaxLimit);

        var points = await database.ReadAsync(c => store.ActivePointsAsync(c, platform.Tenant), ct);
        var all = (await locations.ListAsync(platform.Tenant, ct)).ToDictionary(l => l.Id);
        var nearest = points
            .Select(p => all.GetValueOrDefault(new LocationId(p.LocationId)))
            .OfType<LocationInfo>()
            .Where(l => l is { Kind: LocationKind.PickupPoint, Pickup: true })
            .Select(l => (Location: l, Km: l.Position.DistanceKmTo(here.Value)))
            .OrderBy(x => x.Km).ThenBy(x => x.Location.Id.Value, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var now = clock.GetUtcNow();
        var accepted = await routing.AcceptedOnLocalDayAsync(platform.Tenant, [.. nearest.Select(x => x.Location)], now, ct);
        return new NearbyPickupPoints(lat, lon, [.. nearest.Select(x =>
        {
            var capacity = x.Location.DailyCapacity ?? 0;
            return new NearbyPickupPoint(
                x.Location.Id.Value, x.Location.Code, x.Location.Name, x.Location.Address, x.Location.Position.Latitude, x.Location.Position.Longitude,
                Math.Round(x.Km, 2, MidpointRounding.AwayFromZero), x.Location.TimeZone, x.Location.Hours.ToMap(), x.Location.IsOpenAt(now), capacity,
                Math.Max(0, capacity - accepted.GetValueOrDefault(x.Location.Id)));
        })]);
    }
}
