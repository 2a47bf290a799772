using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Kernel;

namespace UniRetail.Identity.Persistence;

internal sealed class LocationStore
{
    private const string Columns =
        "location_id AS LocationId, code AS Code, name AS Name, kind AS Kind, address AS Address, latitude AS Latitude, longitude AS Longitude, " +
        "time_zone AS TimeZone, opening_hours AS OpeningHours, ships AS Ships, pickup AS Pickup, delivery_radius_km AS DeliveryRadiusKm, daily_capacity AS DailyCapacity";

    /// <summary>Inserts the location; false when its code is already taken in the tenant.</summary>
    public async Task<bool> InsertAsync(DbSession session, TenantId tenant, LocationInfo location, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO identity_location (tenant_id, location_id, code, name, kind, address, latitude, longitude, time_zone,
                opening_hours, ships, pickup, delivery_radius_km, daily_capacity, created_at_ms)
            VALUES (@Tenant, @Id, @Code, @Name, @Kind, @Address, @Latitude, @Longitude, @TimeZone,
                @OpeningHours, @Ships, @Pickup, @DeliveryRadiusKm, @DailyCapacity, @At)
            ON CONFLICT DO NOTHING
            """,
            ToParameters(tenant, location, atMs), session.Transaction) == 1;

    /// <summary>Replaces what a location is and can do; false when no such location (or the new code is taken).</summary>
    public async Task<bool> UpdateAsync(DbSession session, TenantId tenant, LocationInfo location) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE identity_location SET code = @Code, name = @Name, kind = @Kind, address = @Address, latitude = @Latitude,
                longitude = @Longitude, time_zone = @TimeZone, opening_hours = @OpeningHours, ships = @Ships, pickup = @Pickup,
                delivery_radius_km = @DeliveryRadiusKm, daily_capacity = @DailyCapacity
            WHERE tenant_id = @Tenant AND location_id = @Id
              AND NOT EXISTS (SELECT 1 FROM identity_location o WHERE o.tenant_id = @Tenant AND o.code = @Code AND o.location_id <> @Id)
            """,
            ToParameters(tenant, location, 0), session.Transaction) == 1;

    /// <summary>Whether the location offers pickup, nothing else; false when no such location.</summary>
    public async Task<bool> SetPickupAsync(DbSession session, TenantId tenant, LocationId location, bool pickup) =>
        await session.Connection.ExecuteAsync(
            "UPDATE identity_location SET pickup = @Pickup WHERE tenant_id = @Tenant AND location_id = @Id",
            new { Tenant = tenant.Value, Id = location.Value, Pickup = pickup }, session.Transaction) == 1;

    public async Task<IReadOnlyList<LocationInfo>> ListAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QueryAsync<LocationRow>($"SELECT {Columns} FROM identity_location WHERE tenant_id = @Tenant ORDER BY code", new { Tenant = tenant.Value }))
            .Select(ToLocation).ToList();

    private static object ToParameters(TenantId tenant, LocationInfo location, long atMs) => new
    {
        Tenant = tenant.Value,
        Id = location.Id.Value,
        location.Code,
        location.Name,
        Kind = LocationKinds.ToName(location.Kind),
        location.Address,
        location.Position.Latitude,
        location.Position.Longitude,
        location.TimeZone,
        OpeningHours = JsonSerializer.Serialize(location.Hours.ToMap()),
        location.Ships,
        location.Pickup,
        location.DeliveryRadiusKm,
        location.DailyCapacity,
        At = atMs,
    };

    private static LocationInfo ToLocation(LocationRow row) => new(
        new LocationId(row.LocationId), row.Code, row.Name, LocationKinds.Parse(row.Kind).Value, row.Address,
        GeoPoint.FromStored(row.Latitude, row.Longitude), row.TimeZone,
        OpeningHours.Parse(JsonSerializer.Deserialize<Dictionary<string, string>>(row.OpeningHours)).Value,
        row.Ships, row.Pickup, row.DeliveryRadiusKm, row.DailyCapacity is null ? null : (int)row.DailyCapacity.Value);

    private sealed class LocationRow
    {
        public string LocationId { get; init; } = "";
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Address { get; init; } = "";
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public string TimeZone { get; init; } = "";
        public string OpeningHours { get; init; } = "";
        public bool Ships { get; init; }
        public bool Pickup { get; init; }
        public double DeliveryRadiusKm { get; init; }
        public long? DailyCapacity { get; init; }
    }
}
