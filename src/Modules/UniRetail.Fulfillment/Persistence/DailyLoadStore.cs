using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Persistence;

/// <summary>How many orders each location accepted on a day, the counter behind daily capacity.</summary>
internal sealed class DailyLoadStore
{
    public async Task<IReadOnlyDictionary<LocationId, int>> AcceptedAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<(LocationId Location, string Day)> keys)
    {
        if (keys.Count == 0)
            return new Dictionary<LocationId, int>();
        var rows = await connection.QueryAsync<LoadRow>(
            $"SELECT location_id AS LocationId, day AS Day, accepted AS Accepted FROM fulfillment_daily_load WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "location_id", "Locations")}",
            new { Tenant = tenant.Value, Locations = keys.Select(k => k.Location.Value).ToArray() });
        var wanted = keys.ToHashSet();
        return rows.Where(r => wanted.Contains((new LocationId(r.LocationId), r.Day)))
            .ToDictionary(r => new LocationId(r.LocationId), r => (int)r.Accepted);
    }

    /// <summary>Counts one more order for the day unless that would pass <paramref name="capacity"/>; false when full.</summary>
    public async Task<bool> TryAcceptAsync(DbSession session, TenantId tenant, LocationId location, string day, int capacity) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO fulfillment_daily_load (tenant_id, location_id, day, accepted) VALUES (@Tenant, @Location, @Day, 1)
            ON CONFLICT (tenant_id, location_id, day) DO UPDATE SET accepted = fulfillment_daily_load.accepted + 1
            WHERE fulfillment_daily_load.accepted < @Capacity
            """,
            new { Tenant = tenant.Value, Location = location.Value, Day = day, Capacity = capacity }, session.Transaction) == 1;

    private sealed class LoadRow
    {
        public string LocationId { get; init; } = "";
        public string Day { get; init; } = "";
        public long Accepted { get; init; }
    }
}
