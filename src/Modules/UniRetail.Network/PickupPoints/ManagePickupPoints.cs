using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.PickupPoints;
using UniRetail.Network.Persistence;
using UniRetail.Web;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// Makes a shop a pickup point of its platform and takes it out again. The point is a location of the platform (kind
/// pickup_point: the counter's address, position, hours; its daily capacity the parcels it takes a day; it ships nothing and
/// holds no stock), written with the point's terms and the agreement's flag in one transaction, so routing, the point and
/// the agreement never disagree. Stopping (or the shop leaving) keeps the location for the orders that name it but stops
/// it offering pickup, so routing refuses new parcels there; parcels already on their way can still arrive and be handed over.
/// </summary>
internal sealed class ManagePickupPoints(
    Database database, AgreementStore agreements, PickupPointStore store, ILocationDirectory locations, ILocationRegistry registry,
    ITenantDirectory tenants, TimeProvider clock)
{
    public const int MaxAddressLength = 300;

    public async Task<Result<PickupPointView>> SetAsync(Caller platform, string agreementId, PickupPointRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(request);
        if (await database.ReadAsync(c => agreements.OfPlatformAsync(c, platform.Tenant, agreementId), ct) is not { } agreement)
            return NetworkErrors.UnknownShop(agreementId, "agreementId");
        if (agreement.LeftAtMs is not null)
            return NetworkErrors.ShopLeft(agreement.AgreementId);
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        var place = Place(request);
        if (!place.IsSuccess)
            return place.Error;
        var terms = PickupPointTerms.Of(request.ParcelCapacity, request.FeePerParcel, request.HoldDays, currency);
        if (!terms.IsSuccess)
            return terms.Error;

        var existing = await database.ReadAsync(c => store.PointOfAgreementAsync(c, null, platform.Tenant, agreement.AgreementId), ct);
        var (address, position, zone, hours) = place.Value;
        var location = new LocationInfo(
            existing is null ? LocationId.New() : new LocationId(existing.LocationId), CodeOf(agreement), agreement.ShopName, LocationKind.PickupPoint,
            address, position, zone, hours, Ships: false, Pickup: true, DeliveryRadiusKm: 0, DailyCapacity: terms.Value.ParcelCapacity);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new PickupPointRow
        {
            PlatformId = platform.Tenant.Value, LocationId = location.Id.Value, AgreementId = agreement.AgreementId, ShopId = agreement.ShopId,
            ParcelCapacity = terms.Value.ParcelCapacity, FeeMinor = terms.Value.FeePerParcel.MinorUnits, HoldDays = terms.Value.HoldDays, Active = true,
            CreatedAtMs = existing?.CreatedAtMs ?? now, UpdatedAtMs = now,
        };
        var saved = await database.WriteAsync<Unit>(async session =>
        {
            if (!await registry.SaveAsync(session, platform.Tenant, location, now))
                return PickupErrors.LocationCodeTaken(location.Code);
            await store.UpsertPointAsync(session, row);
            await store.SetAgreementFlagAsync(session, platform.Tenant, agreement.AgreementId, true);
            return Unit.Value;
        }, ct);
        registry.Invalidate(platform.Tenant);
        return saved.Map(_ => View(agreement, row, location, currency));
    }

    /// <summary>The shop stops being a pickup point (the platform decides; the agreement's flag goes too).</summary>
    public async Task<Result<PickupPointView>> StopAsync(Caller platform, string agreementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (await database.ReadAsync(c => agreements.OfPlatformAsync(c, platform.Tenant, agreementId), ct) is not { } agreement)
            return NetworkErrors.UnknownShop(agreementId, "agreementId");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stopped = await database.WriteAsync<PickupPointRow>(async session =>
        {
            if (await StopInAsync(session, platform.Tenant, agreement.AgreementId, now) is not { } row)
                return PickupErrors.NotAPickupPoint(agreement.AgreementId);
            await store.SetAgreementFlagAsync(session, platform.Tenant, agreement.AgreementId, false);
            return row;
        }, ct);
        registry.Invalidate(platform.Tenant);
        if (!stopped.IsSuccess)
            return stopped.Error;
        var location = await locations.FindAsync(platform.Tenant, new LocationId(stopped.Value.LocationId), ct)
                       ?? throw new InvalidOperationException($"Pickup point {stopped.Value.LocationId} has no location on platform {platform.Tenant}.");
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        return View(agreement, stopped.Value, location, currency);
    }

    /// <summary>
    /// Inside the caller's write: the point of the agreement stops taking parcels (its location stops offering pickup, and
    /// only that: the location row is changed in place, not rewritten from a cached copy); null when the agreement has no
    /// active point. The caller invalidates the platform's locations after the commit.
    /// </summary>
    public async Task<PickupPointRow?> StopInAsync(DbSession session, TenantId platform, string agreementId, long atMs)
    {
        ArgumentNullException.ThrowIfNull(session);
        var point = await store.PointOfAgreementAsync(session.Connection, session.Transaction, platform, agreementId);
        if (point is not { Active: true } || !await store.DeactivateAsync(session, platform, agreementId, atMs))
            return null;
        if (!await registry.SetPickupAsync(session, platform, new LocationId(point.LocationId), false))
            throw new InvalidOperationException($"Pickup point {point.LocationId} has no location on platform {platform}.");
        return new PickupPointRow
        {
            PlatformId = point.PlatformId, LocationId = point.LocationId, AgreementId = point.AgreementId, ShopId = point.ShopId, ParcelCapacity = point.ParcelCapacity,
            FeeMinor = point.FeeMinor, HoldDays = point.HoldDays, Active = false, CreatedAtMs = point.CreatedAtMs, UpdatedAtMs = atMs,
        };
    }

    /// <summary>The platform's pickup points, active first (at most 10,000).</summary>
    public async Task<IReadOnlyList<PickupPointView>> ListAsync(Caller platform, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var points = await database.ReadAsync(c => store.ActivePointsAsync(c, platform.Tenant), ct);
        if (points.Count == 0)
            return [];
        var byAgreement = (await database.ReadAsync(c => agreements.OfPlatformAsync(c, platform.Tenant), ct)).ToDictionary(a => a.AgreementId);
        var all = (await locations.ListAsync(platform.Tenant, ct)).ToDictionary(l => l.Id);
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        return [.. points
            .Where(p => byAgreement.ContainsKey(p.AgreementId) && all.ContainsKey(new LocationId(p.LocationId)))
            .Select(p => View(byAgreement[p.AgreementId], p, all[new LocationId(p.LocationId)], currency))
            .OrderBy(v => v.ShopName, StringComparer.Ordinal)];
    }

    /// <summary>The platform location's code for a shop's counter; unique as the agreement id is.</summary>
    public static string CodeOf(AgreementRow agreement) => $"PP-{agreement.AgreementId}";

    private static Result<(string Address, GeoPoint Position, string Zone, OpeningHours Hours)> Place(PickupPointRequest request)
    {
        var address = request.Address?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxAddressLength || address.Any(char.IsControl))
            return PickupErrors.BadAddress();
        if (request.Latitude is not { } lat)
            return NetworkErrors.Required("latitude");
        if (request.Longitude is not { } lon)
            return NetworkErrors.Required("longitude");
        var position = GeoPoint.Of(lat, lon);
        if (!position.IsSuccess)
            return PickupErrors.BadPosition(position.Error.Field ?? "latitude");
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? "Etc/UTC" : request.TimeZone.Trim();
        if (zone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            return PickupErrors.BadTimeZone(request.TimeZone);
        var hours = OpeningHours.Parse(request.OpeningHours);
        if (!hours.IsSuccess)
            return PickupErrors.BadOpeningHours(hours.Error.Message, hours.Error.Field);
        return (address, position.Value, zone, hours.Value);
    }

    private static PickupPointView View(AgreementRow agreement, PickupPointRow row, LocationInfo location, Currency currency) => new(
        agreement.AgreementId, agreement.ShopId, agreement.ShopName, location.Id.Value, location.Code, row.Active, location.Address,
        location.Position.Latitude, location.Position.Longitude, location.TimeZone, location.Hours.ToMap(), row.ParcelCapacity,
        MoneyView.From(Money.FromMinor(row.FeeMinor, currency)), row.HoldDays);
}
