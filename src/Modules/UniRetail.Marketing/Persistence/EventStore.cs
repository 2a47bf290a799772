using System.Data.Common;
using System.Text;
using Dapper;
using UniRetail.Data;
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
}

internal sealed record EventFilter(long After, int Limit, string? UserId, string? AnonymousId);

internal sealed class EventStore
{
    private const string Columns =
        """
        event_seq AS EventSeq, tenant_id AS TenantId, source_id AS SourceId, message_id AS MessageId, source_kind AS SourceKind,
        location_id AS LocationId, type AS Type, event AS Event, name AS Name, user_id AS UserId, anonymous_id AS AnonymousId,
        previous_id AS PreviousId, group_id AS GroupId, timestamp_ms AS TimestampMs, received_at_ms AS ReceivedAtMs,
        properties AS Properties, traits AS Traits, context AS Context
        """;

    /// <summary>Stores the events; a message id the source already sent is skipped (a retry). Returns how many were new.</summary>
    public async Task<int> InsertAsync(DbSession session, EventOrigin origin, IReadOnlyList<TrackedEvent> events, DateTimeOffset receivedAt)
    {
        var rows = events.Select(e => new
        {
            origin.TenantId, origin.SourceId, e.MessageId, SourceKind = SourceKinds.ToName(origin.Kind), origin.LocationId, e.Type, e.Event, e.Name,
            e.UserId, e.AnonymousId, e.PreviousId, e.GroupId, TimestampMs = e.Timestamp.ToUnixTimeMilliseconds(),
            ReceivedAtMs = receivedAt.ToUnixTimeMilliseconds(), e.Properties, e.Traits, e.Context,
        });
        return await session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_event (tenant_id, source_id, message_id, source_kind, location_id, type, event, name, user_id, anonymous_id,
                previous_id, group_id, timestamp_ms, received_at_ms, properties, traits, context)
            VALUES (@TenantId, @SourceId, @MessageId, @SourceKind, @LocationId, @Type, @Event, @Name, @UserId, @AnonymousId,
                @PreviousId, @GroupId, @TimestampMs, @ReceivedAtMs, @Properties, @Traits, @Context)
            ON CONFLICT (tenant_id, source_id, message_id) DO NOTHING
            """, rows, session.Transaction);
    }

    public async Task<IReadOnlyList<EventRow>> ListAsync(DbConnection connection, string tenantId, EventFilter filter)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM marketing_event WHERE tenant_id = @TenantId AND event_seq > @After");
        if (filter.UserId is not null)
            sql.Append(" AND user_id = @UserId");
        if (filter.AnonymousId is not null)
            sql.Append(" AND anonymous_id = @AnonymousId");
        sql.Append(" ORDER BY event_seq LIMIT @Limit");
        return (await connection.QueryAsync<EventRow>(sql.ToString(), new { TenantId = tenantId, filter.After, filter.Limit, filter.UserId, filter.AnonymousId })).ToList();
    }
}
