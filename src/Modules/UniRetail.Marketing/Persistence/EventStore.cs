using System.Data.Common;
using System.Text;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.Persistence;

internal sealed class EventRow
{
    public long EventSeq { get; init; }
    public string TenantId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public string MessageId { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public string? LocationId { get; init; }
    public string Type { get; init; } = "";
    public string? Event { get; init; }
    public string? Name { get; init; }
    public string? UserId { get; init; }
    public string? AnonymousId { get; init; }
    public string? PreviousId { get; init; }
    public string? GroupId { get; init; }
    public long TimestampMs { get; init; }
    public long ReceivedAtMs { get; init; }
    public string? Properties { get; init; }
    public string? Traits { get; init; }
    public string? Context { get; init; }
    /// <summary>The commit-order half of the projection position (always 0 on SQLite; see the position migration).</summary>
    public long TxId { get; init; }

    /// <summary>The SELECT list for this row from <c>marketing_event e</c>.</summary>
    public const string Columns =
        """
        e.event_seq AS EventSeq, e.tx_id AS TxId, e.tenant_id AS TenantId, e.source_id AS SourceId, e.message_id AS MessageId,
        e.source_kind AS SourceKind, e.location_id AS LocationId, e.type AS Type, e.event AS Event, e.name AS Name, e.user_id AS UserId,
        e.anonymous_id AS AnonymousId, e.previous_id AS PreviousId, e.group_id AS GroupId, e.timestamp_ms AS TimestampMs,
        e.received_at_ms AS ReceivedAtMs, e.properties AS Properties, e.traits AS Traits, e.context AS Context
        """;
}

internal sealed record EventFilter(long After, int Limit, string? UserId, string? AnonymousId);

internal sealed class EventStore
{
    /// <summary>Stores the events; a message id the source already sent is skipped (a retry). Returns how many were new.</summary>
    public async Task<int> InsertAsync(DbSession session, EventOrigin origin, IReadOnlyList<TrackedEvent> events, DateTimeOffset receivedAt)
    {
        // SQLite: one row per statement. Microsoft.Data.Sqlite looks every parameter up by name on every execution, and
        // SQLite finds a name by a linear scan, so binding a 64-row statement's 773 names cost more than the inserts did.
        // PostgreSQL: up to 64 rows per statement, one round trip instead of 64.
        var maxRows = session.Provider == DatabaseProvider.Sqlite ? 1 : MultiRowInsert.MaxRows;
        var stored = 0;
        for (var at = 0; at < events.Count;)
        {
            var rows = MultiRowInsert.RowsFor(events.Count - at, maxRows);
            var values = new object?[MultiRowInsert.Shared + rows * MultiRowInsert.PerRow];
            values[0] = origin.Tenant.Value;
            values[1] = origin.SourceId;
            values[2] = SourceKinds.ToName(origin.Kind);
            values[3] = origin.LocationId;
            values[4] = receivedAt.ToUnixTimeMilliseconds();
            for (var row = 0; row < rows; row++)
            {
                var e = events[at + row];
                var v = MultiRowInsert.Shared + row * MultiRowInsert.PerRow;
                values[v] = e.MessageId;
                values[v + 1] = e.Type;
                values[v + 2] = e.Event;
                values[v + 3] = e.Name;
                values[v + 4] = e.UserId;
                values[v + 5] = e.AnonymousId;
                values[v + 6] = e.PreviousId;
                values[v + 7] = e.GroupId;
                values[v + 8] = e.Timestamp.ToUnixTimeMilliseconds();
                values[v + 9] = e.Properties;
                values[v + 10] = e.Traits;
                values[v + 11] = e.Context;
            }
            var (sql, names) = MultiRowInsert.Of(rows);
            stored += await session.ExecuteHotAsync(sql, names, values);
            at += rows;
        }
        return stored;
    }

    public async Task<IReadOnlyList<EventRow>> ListAsync(DbConnection connection, TenantId tenant, EventFilter filter)
    {
        var sql = new StringBuilder($"SELECT {EventRow.Columns} FROM marketing_event e WHERE e.tenant_id = @TenantId AND e.event_seq > @After");
        if (filter.UserId is not null)
            sql.Append(" AND user_id = @UserId");
        if (filter.AnonymousId is not null)
            sql.Append(" AND anonymous_id = @AnonymousId");
        sql.Append(" ORDER BY event_seq LIMIT @Limit");
        return (await connection.QueryAsync<EventRow>(sql.ToString(), new { TenantId = tenant.Value, filter.After, filter.Limit, filter.UserId, filter.AnonymousId })).ToList();
    }
}
