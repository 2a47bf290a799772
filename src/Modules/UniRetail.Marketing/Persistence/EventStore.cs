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
    /// <summary>Tenant, source, kind, store and received-at are the same for every event of a write: bound once per statement.</summary>
    private static readonly BulkInsert Insert = new(
        "marketing_event",
        shared: ["tenant_id", "source_id", "source_kind", "location_id", "received_at_ms"],
        columns: ["message_id", "type", "event", "name", "user_id", "anonymous_id", "previous_id", "group_id", "timestamp_ms", "properties", "traits", "context"],
        tail: "ON CONFLICT (tenant_id, source_id, message_id) DO NOTHING");

    /// <summary>Stores the events; a message id the source already sent is skipped (a retry). Returns how many were new.</summary>
    public Task<int> InsertAsync(DbSession session, EventOrigin origin, IReadOnlyList<TrackedEvent> events, DateTimeOffset receivedAt) =>
        Insert.ExecuteAsync(
            session,
            [origin.Tenant.Value, origin.SourceId, SourceKinds.ToName(origin.Kind), origin.LocationId, receivedAt.ToUnixTimeMilliseconds()],
            events.Select(e => new object?[]
            {
                e.MessageId, e.Type, e.Event, e.Name, e.UserId, e.AnonymousId, e.PreviousId, e.GroupId, e.Timestamp.ToUnixTimeMilliseconds(),
                e.Properties, e.Traits, e.Context,
            }));

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

    /// <summary>The tenant's newest events (optionally of one user or anonymous id), newest first: the console's live stream.</summary>
    public async Task<IReadOnlyList<EventRow>> NewestAsync(DbConnection connection, TenantId tenant, int limit, string? userId, string? anonymousId)
    {
        var sql = new StringBuilder($"SELECT {EventRow.Columns} FROM marketing_event e WHERE e.tenant_id = @TenantId");
        if (userId is not null)
            sql.Append(" AND user_id = @UserId");
        if (anonymousId is not null)
            sql.Append(" AND anonymous_id = @AnonymousId");
        sql.Append(" ORDER BY event_seq DESC LIMIT @Limit");
        return (await connection.QueryAsync<EventRow>(sql.ToString(), new { TenantId = tenant.Value, Limit = limit, UserId = userId, AnonymousId = anonymousId })).ToList();
    }
}
