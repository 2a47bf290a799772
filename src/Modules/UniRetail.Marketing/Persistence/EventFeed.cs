using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Marketing.Persistence;

/// <summary>A projector's place in the event bank: events are read in (tx, seq) order, after this.</summary>
internal readonly record struct FeedPosition(long Tx, long Seq)
{
    public static readonly FeedPosition Start = new(0, 0);
}

/// <summary>
/// An event as a projector reads it: no property document, only an order's amounts and currency, extracted by the
/// database's own JSON functions (an Order Completed with a large product list costs the projector nothing extra).
/// </summary>
internal sealed class FeedRow
{
    public long EventSeq { get; init; }
    public string MessageId { get; init; } = "";
    public long TxId { get; init; }
    public string TenantId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public string? LocationId { get; init; }
    public string Type { get; init; } = "";
    public string? Event { get; init; }
    public string? Name { get; init; }
    public string? UserId { get; init; }
    public string? AnonymousId { get; init; }
    public string? PreviousId { get; init; }
    public long TimestampMs { get; init; }
    public string? Traits { get; init; }
    public string? Context { get; init; }
    /// <summary>An order event's <c>[revenue, total, currency]</c> as a JSON array; null for other events.</summary>
    public string? Money { get; init; }
    /// <summary>An order event's whole properties where the engine's JSON functions could not be trusted with them (see FeedColumns).</summary>
    public string? OrderProperties { get; init; }
    /// <summary>A track, page or screen event's whole properties, read only when AIPL is kept (it needs categories and products).</summary>
    public string? Properties { get; init; }
}

/// <summary>A person's identifier values as they appear in an event's own id columns.</summary>
internal sealed record EventIds(IReadOnlyCollection<string> UserIds, IReadOnlyCollection<string> AnonymousIds)
{
    public bool IsEmpty => UserIds.Count == 0 && AnonymousIds.Count == 0;
}

/// <summary>
/// Reads the event bank the ways profiles need it: in commit order for projectors, by person for timelines, exports
/// and rebuilds; and deletes a person's events for erasure.
/// </summary>
internal sealed class EventFeed
{
    private const string OrderEvents = "e.event IN ('Order Completed', 'Order Refunded', 'Order Cancelled')";
    // NUL and surrogate escapes (a false alarm on a valid pair or an escaped backslash costs only a .NET read).
    private const string EscapesPostgresRefuses = @"e.properties ~ '\\u(0000|[dD][89a-fA-F])'";

    /// <summary>
    /// The next events after <paramref name="after"/>, every tenant's, in an order that never changes once read. SQLite's
    /// single writer makes event_seq commit order; PostgreSQL reads only below the oldest running transaction.
    /// </summary>
    public async Task<List<FeedRow>> ReadAsync(DbConnection connection, FeedPosition after, int limit, bool properties = false)
    {
        var sql = connection is Npgsql.NpgsqlConnection
            ? $"""
               SELECT {FeedColumns(connection, properties)} FROM marketing_event e
               WHERE (e.tx_id, e.event_seq) > (@Tx, @Seq) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
               ORDER BY e.tx_id, e.event_seq LIMIT @Limit
               """
            : $"SELECT {FeedColumns(connection, properties)} FROM marketing_event e WHERE e.event_seq > @Seq ORDER BY e.event_seq LIMIT @Limit";
        return (await connection.QueryAsync<FeedRow>(sql, new { after.Tx, after.Seq, Limit = limit })).ToList();
    }

    /// <summary>
    /// One tenant's events after <paramref name="after"/> and at or before <paramref name="upTo"/> (a position the projector
    /// has passed, so nothing is still arriving below it), in the projector's order: what a re-stitch replays.
    /// </summary>
    public async Task<List<FeedRow>> ReadTenantAsync(DbConnection connection, TenantId tenant, FeedPosition after, FeedPosition upTo, int limit, bool properties = false)
    {
        var sql = connection is Npgsql.NpgsqlConnection
            ? $"""
               SELECT {FeedColumns(connection, properties)} FROM marketing_event e
               WHERE e.tenant_id = @TenantId AND (e.tx_id, e.event_seq) > (@Tx, @Seq) AND (e.tx_id, e.event_seq) <= (@UpToTx, @UpToSeq)
               ORDER BY e.tx_id, e.event_seq LIMIT @Limit
               """
            : $"""
               SELECT {FeedColumns(connection, properties)} FROM marketing_event e
               WHERE e.tenant_id = @TenantId AND e.event_seq > @Seq AND e.event_seq <= @UpToSeq ORDER BY e.event_seq LIMIT @Limit
               """;
        return (await connection.QueryAsync<FeedRow>(sql, new { TenantId = tenant.Value, after.Tx, after.Seq, UpToTx = upTo.Tx, UpToSeq = upTo.Seq, Limit = limit })).ToList();
    }

    /// <summary>
    /// The projector's columns. The amounts of an order event come out of its properties in one pass of the engine's own
    /// JSON reader (SQLite's json_extract with several paths gives one array; PostgreSQL's <c>-&gt;</c> keeps each value as
    /// JSON, so amounts stay exact); no other event's properties are read. PostgreSQL's <c>-&gt;</c> de-escapes every string of
    /// the document and fails the whole read (every tenant's projection) on <c>\u0000</c> or half a surrogate pair, so
    /// properties holding such an escape come whole instead, for .NET to read.
    /// </summary>
    private static string FeedColumns(DbConnection connection, bool properties = false)
    {
        var (money, whole) = connection is Npgsql.NpgsqlConnection
            ? ($"CASE WHEN {OrderEvents} AND NOT {EscapesPostgresRefuses} THEN json_build_array(e.properties::json -> 'revenue', e.properties::json -> 'total', e.properties::json -> 'currency')::text END",
               $"CASE WHEN {OrderEvents} AND {EscapesPostgresRefuses} THEN e.properties END")
            : ($"CASE WHEN {OrderEvents} THEN json_extract(e.properties, '$.revenue', '$.total', '$.currency') END", "NULL");
        return $"""
            e.event_seq AS EventSeq, e.message_id AS MessageId, e.tx_id AS TxId, e.tenant_id AS TenantId, e.source_id AS SourceId, e.source_kind AS SourceKind,
            e.location_id AS LocationId, e.type AS Type, e.event AS Event, e.name AS Name, e.user_id AS UserId, e.anonymous_id AS AnonymousId,
            e.previous_id AS PreviousId, e.timestamp_ms AS TimestampMs, e.traits AS Traits, e.context AS Context, {money} AS Money,
            {whole} AS OrderProperties{(properties ? ", CASE WHEN e.type IN ('track', 'page', 'screen') THEN e.properties END AS Properties" : "")}
            """;
    }

    /// <summary>The position of the newest committed event, or null when the bank is empty.</summary>
    public async Task<FeedPosition?> LatestAsync(DbConnection connection)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(
            "SELECT tx_id AS Tx, event_seq AS Seq FROM marketing_event ORDER BY tx_id DESC, event_seq DESC LIMIT 1");
        return row is null ? null : new FeedPosition(row.Tx, row.Seq);
    }

    /// <summary>Whether any event lies after <paramref name="after"/> and at or before <paramref name="upTo"/>.</summary>
    public async Task<bool> AnyBetweenAsync(DbConnection connection, FeedPosition after, FeedPosition upTo) =>
        await connection.ExecuteScalarAsync<long?>(
            """
            SELECT 1 FROM marketing_event
            WHERE (tx_id > @AfterTx OR (tx_id = @AfterTx AND event_seq > @AfterSeq)) AND (tx_id < @UpToTx OR (tx_id = @UpToTx AND event_seq <= @UpToSeq))
            LIMIT 1
            """, new { AfterTx = after.Tx, AfterSeq = after.Seq, UpToTx = upTo.Tx, UpToSeq = upTo.Seq }) is not null;

    /// <summary>Whether any event after <paramref name="after"/> was received before <paramref name="beforeMs"/>: a projector there has not read it yet.</summary>
    public async Task<bool> AnyReceivedBeforeAsync(DbConnection connection, FeedPosition after, long beforeMs) =>
        await connection.ExecuteScalarAsync<long?>(
            connection is Npgsql.NpgsqlConnection
                ? "SELECT 1 FROM marketing_event WHERE (tx_id, event_seq) > (@Tx, @Seq) AND received_at_ms < @Before LIMIT 1"
                : "SELECT 1 FROM marketing_event WHERE event_seq > @Seq AND received_at_ms < @Before LIMIT 1",
            new { after.Tx, after.Seq, Before = beforeMs }) is not null;

    /// <summary>
    /// A person's events, newest first. An event found only by its anonymous id belongs to whoever holds its user id when
    /// that is someone else (a shared device's cookie does not pull another shopper's events into this timeline).
    /// </summary>
    public Task<List<EventRow>> OfPersonAsync(
        DbConnection connection, TenantId tenant, string profileId, EventIds ids, (long TimestampMs, long Seq)? before, int limit) =>
        OfPersonAsync<EventRow>(EventRow.Columns, connection, tenant, profileId, ids, before, limit, null, null);

    /// <summary>A person's events as the projector reads them, up to where it has read: what a rebuild replays.</summary>
    public Task<List<FeedRow>> OfPersonForRebuildAsync(DbSession session, TenantId tenant, string profileId, EventIds ids, FeedPosition upTo) =>
        OfPersonAsync<FeedRow>(FeedColumns(session.Connection), session.Connection, tenant, profileId, ids, null, int.MaxValue, session.Transaction, upTo);

    private static async Task<List<T>> OfPersonAsync<T>(
        string columns, DbConnection connection, TenantId tenant, string profileId, EventIds ids, (long TimestampMs, long Seq)? before, int limit,
        DbTransaction? transaction, FeedPosition? upTo)
    {
        if (ids.IsEmpty)
            return [];
        var sql =
            $"""
            SELECT {columns} FROM marketing_event e
            WHERE e.tenant_id = @TenantId
              AND ({SqlLists.In(connection, "e.user_id", "UserIds")}
                   OR ({SqlLists.In(connection, "e.anonymous_id", "AnonymousIds")} AND (e.user_id IS NULL OR NOT EXISTS (
                       SELECT 1 FROM marketing_identity i
                       WHERE i.tenant_id = e.tenant_id AND i.id_type IN ('user_id', 'member_id') AND i.id_value = e.user_id AND i.profile_id <> @ProfileId))))
              AND (e.timestamp_ms < @BeforeMs OR (e.timestamp_ms = @BeforeMs AND e.event_seq < @BeforeSeq))
              AND (e.tx_id < @UpToTx OR (e.tx_id = @UpToTx AND e.event_seq <= @UpToSeq))
            ORDER BY e.timestamp_ms DESC, e.event_seq DESC LIMIT @Limit
            """;
        return (await connection.QueryAsync<T>(sql, new
        {
            TenantId = tenant.Value, ProfileId = profileId, UserIds = ids.UserIds.ToArray(), AnonymousIds = ids.AnonymousIds.ToArray(),
            BeforeMs = before?.TimestampMs ?? long.MaxValue, BeforeSeq = before?.Seq ?? long.MaxValue, Limit = limit,
            UpToTx = upTo?.Tx ?? long.MaxValue, UpToSeq = upTo?.Seq ?? long.MaxValue,
        }, transaction)).ToList();
    }

    /// <summary>Deletes every event naming any of the ids as its user, anonymous or previous id; returns how many.</summary>
    public async Task<int> DeleteOfPersonAsync(DbSession session, TenantId tenant, EventIds ids)
    {
        if (ids.IsEmpty)
            return 0;
        var c = session.Connection;
        return await c.ExecuteAsync(
            $"""
            DELETE FROM marketing_event
            WHERE tenant_id = @TenantId AND ({SqlLists.In(c, "user_id", "UserIds")} OR {SqlLists.In(c, "anonymous_id", "AnonymousIds")} OR {SqlLists.In(c, "previous_id", "All")})
            """,
            new { TenantId = tenant.Value, UserIds = ids.UserIds.ToArray(), AnonymousIds = ids.AnonymousIds.ToArray(), All = ids.UserIds.Concat(ids.AnonymousIds).ToArray() },
            session.Transaction);
    }

    /// <summary>
    /// The tenant's events whose traits or context match one of the <c>LOWER(…) LIKE</c> patterns, or hold a backslash or
    /// text outside printable ASCII: a superset for an exact decision in .NET (Privacy/PersonEvents), read in the write so
    /// no event slips between reading and deleting.
    /// </summary>
    public async Task<List<FeedRow>> MentioningAsync(DbSession session, TenantId tenant, IReadOnlyList<string> patterns)
    {
        var c = session.Connection;
        var parameters = new DynamicParameters(new { TenantId = tenant.Value });
        for (var i = 0; i < patterns.Count; i++)
            parameters.Add($"P{i}", patterns[i]);
        string Mentions(string column) =>
            $"({column} IS NOT NULL AND ({string.Join(" OR ", patterns.Select((_, i) => $"LOWER({column}) LIKE @P{i} ESCAPE '\\'").Prepend(Unusual(c, column)))}))";
        return (await c.QueryAsync<FeedRow>(
            $"SELECT {FeedColumns(c)} FROM marketing_event e WHERE e.tenant_id = @TenantId AND ({Mentions("e.traits")} OR {Mentions("e.context")})",
            parameters, session.Transaction)).ToList();
    }

    /// <summary>A backslash (an escape may spell any character) or a character outside printable ASCII (case folding beyond ASCII).</summary>
    private static string Unusual(DbConnection connection, string column) => connection is Npgsql.NpgsqlConnection
        ? $"(strpos({column}, '\\') > 0 OR {column} ~ '[^ -~]')"
        : $"(instr({column}, '\\') > 0 OR {column} GLOB '*[^ -~]*')";

    public async Task<int> DeleteAsync(DbSession session, TenantId tenant, IEnumerable<long> eventSeqs)
    {
        var deleted = 0;
        // In chunks: SQLite binds one parameter per value of an IN list.
        foreach (var chunk in eventSeqs.Chunk(1000))
        {
            deleted += await session.Connection.ExecuteAsync(
                $"DELETE FROM marketing_event WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "event_seq", "Seqs")}",
                new { TenantId = tenant.Value, Seqs = chunk }, session.Transaction);
        }
        return deleted;
    }
}
