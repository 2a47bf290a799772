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
            // The days asked for (one or two: the locations' local dates), so the read does not grow with the days behind.
            $"""
            SELECT location_id AS LocationId, day AS Day, accepted AS Accepted FROM fulfillment_daily_load
            WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "location_id", "Locations")} AND {SqlLists.In(connection, "day", "Days")}
            """,
            new { Tenant = tenant.Value, Locations = keys.Select(k => k.Location.Value).ToArray(), Days = keys.Select(k => k.Day).Distinct().ToArray() });
        var wanted = keys.ToHashSet();
        return rows.Where(r => wanted.Contains((new LocationId(r.LocationId), r.Day)))
            .ToDictionary(r => new LocationId(r.LocationId), r => (int)r.Accepted);
    }

    /// <summary>
    /// Counts one more order for the day unless that would pass <paramref name="capacity"/>, and records that
    /// <paramref name="reference"/> took it; false when full.
    /// </summary>
    public async Task<bool> TryAcceptAsync(DbSession session, TenantId tenant, string reference, LocationId location, string day, int capacity)
    {
        // On the place-order path: kept commands, as for the stock and hold writes beside it.
        object?[] values = [tenant.Value, reference, location.Value, day, capacity];
        var counted = await session.ExecuteHotAsync(AcceptSql, AcceptParameters, values) == 1;
        if (counted)
            await session.ExecuteHotAsync(ClaimSql, AcceptParameters, values);
        return counted;
    }

    private static readonly string[] AcceptParameters = ["@Tenant", "@Reference", "@Location", "@Day", "@Capacity"];

    private const string AcceptSql =
        """
        INSERT INTO fulfillment_daily_load (tenant_id, location_id, day, accepted) VALUES (@Tenant, @Location, @Day, 1)
        ON CONFLICT (tenant_id, location_id, day) DO UPDATE SET accepted = fulfillment_daily_load.accepted + 1
        WHERE fulfillment_daily_load.accepted < @Capacity
        """;

    private const string ClaimSql =
        "INSERT INTO fulfillment_capacity_claim (tenant_id, reference, location_id, day) VALUES (@Tenant, @Reference, @Location, @Day)";

    /// <summary>
    /// Gives back the capacity <paramref name="reference"/> took, on the day it took it. The claim rows go with it, so a
    /// second release finds nothing; the counter never drops below zero.
    /// </summary>
    public async Task<int> ReleaseAsync(DbSession session, TenantId tenant, string reference)
    {
        var claims = (await session.Connection.QueryAsync<ClaimRow>(
            """
            DELETE FROM fulfillment_capacity_claim WHERE tenant_id = @Tenant AND reference = @Reference
            RETURNING location_id AS LocationId, day AS Day
            """,
            new { Tenant = tenant.Value, Reference = reference }, session.Transaction)).ToList();
        // The same location order as the claims in the order's write, so concurrent writers do not deadlock on load rows.
        foreach (var claim in claims.OrderBy(c => c.LocationId, StringComparer.Ordinal))
        {
            await session.Connection.ExecuteAsync(
                """
                UPDATE fulfillment_daily_load SET accepted = accepted - 1
                WHERE tenant_id = @Tenant AND location_id = @Location AND day = @Day AND accepted > 0
                """,
                new { Tenant = tenant.Value, Location = claim.LocationId, claim.Day }, session.Transaction);
        }
        return claims.Count;
    }

    private sealed class ClaimRow
    {
        public string LocationId { get; init; } = "";
        public string Day { get; init; } = "";
    }

    private sealed class LoadRow
    {
        public string LocationId { get; init; } = "";
        public string Day { get; init; } = "";
        public long Accepted { get; init; }
    }
}
