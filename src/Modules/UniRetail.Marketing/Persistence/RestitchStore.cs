using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

internal sealed class RestitchRow
{
    public string TenantId { get; init; } = "";
    public string JobId { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public long StartedAtMs { get; init; }
    public long? FinishedAtMs { get; init; }
    public long PositionTx { get; init; }
    public long PositionSeq { get; init; }
    public long EventsReplayed { get; init; }
    public long ProfilesBefore { get; init; }
    public long? ProfilesAfter { get; init; }

    public FeedPosition Position => new(PositionTx, PositionSeq);
}

/// <summary>
/// Re-stitch jobs (one row per tenant: the running one or the last one) and what a re-stitch clears. The identity
/// graph's tables derived from the events are listed here, once: a table added to the graph is added here.
/// </summary>
internal sealed class RestitchStore
{
    /// <summary>
    /// Every table of a tenant's identity graph and profiles that the events alone decide, children first. Not listed, so
    /// kept: the events, identity rules, blocked values, erasure fingerprints and log, sources and write keys.
    /// </summary>
    public static readonly IReadOnlyList<string> DerivedTables =
        ["marketing_join_undone", "marketing_kept_apart", "marketing_merge", "marketing_consent", "marketing_identity", "marketing_profile"];

    /// <summary>Every column of the derived tables that holds a profile id: a rebuilt profile's id is renamed in each.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> ProfileIdColumns =
    [
        ("marketing_profile", "profile_id"), ("marketing_profile", "merged_into"), ("marketing_identity", "profile_id"),
        ("marketing_consent", "profile_id"), ("marketing_merge", "kept_profile_id"), ("marketing_merge", "merged_profile_id"),
        ("marketing_kept_apart", "profile_id"), ("marketing_kept_apart", "other_id"), ("marketing_join_undone", "profile_id"),
    ];

    private const string Columns =
        """
        tenant_id AS TenantId, job_id AS JobId, requested_by AS RequestedBy, started_at_ms AS StartedAtMs, finished_at_ms AS FinishedAtMs,
        position_tx AS PositionTx, position_seq AS PositionSeq, events_replayed AS EventsReplayed, profiles_before AS ProfilesBefore,
        profiles_after AS ProfilesAfter
        """;

    public Task<RestitchRow?> FindAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<RestitchRow>(
            $"SELECT {Columns} FROM marketing_restitch WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, transaction);

    /// <summary>The tenants whose re-stitch is running: the live projector leaves their events to it.</summary>
    public async Task<HashSet<string>> RunningAsync(DbConnection connection, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<string>("SELECT tenant_id FROM marketing_restitch WHERE finished_at_ms IS NULL", transaction: transaction))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Starts a re-stitch of the tenant, in one transaction: consent recorded through the API is kept aside by its
    /// identifiers, every derived table is cleared, and the job starts at the beginning of the event bank.
    /// </summary>
    public async Task StartAsync(DbSession session, TenantId tenant, string jobId, string requestedBy, long atMs, string apiConsentSource)
    {
        var c = session.Connection;
        var tx = session.Transaction;
        var parameters = new { TenantId = tenant.Value, JobId = jobId, RequestedBy = requestedBy, AtMs = atMs, ApiSource = apiConsentSource };
        var before = await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into IS NULL", parameters, tx);
        await c.ExecuteAsync(
            """
            INSERT INTO marketing_restitch_consent (tenant_id, id_type, id_value, purpose, state, at_ms, source_id)
            SELECT i.tenant_id, i.id_type, i.id_value, k.purpose, k.state, k.at_ms, k.source_id
            FROM marketing_consent k JOIN marketing_identity i ON i.tenant_id = k.tenant_id AND i.profile_id = k.profile_id
            WHERE k.tenant_id = @TenantId AND k.source_id = @ApiSource
            ON CONFLICT (tenant_id, id_type, id_value, purpose) DO NOTHING
            """, parameters, tx);
        await c.ExecuteAsync("DELETE FROM marketing_restitch_previous WHERE tenant_id = @TenantId", parameters, tx);
        await c.ExecuteAsync(
            """
            INSERT INTO marketing_restitch_previous (tenant_id, id_type, id_value, profile_id)
            SELECT tenant_id, id_type, id_value, profile_id FROM marketing_identity WHERE tenant_id = @TenantId
            """, parameters, tx);
        foreach (var table in DerivedTables)
            await c.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = @TenantId", parameters, tx);
        await c.ExecuteAsync(
            """
            INSERT INTO marketing_restitch (tenant_id, job_id, requested_by, started_at_ms, finished_at_ms, position_tx, position_seq, events_replayed, profiles_before, profiles_after)
            VALUES (@TenantId, @JobId, @RequestedBy, @AtMs, NULL, 0, 0, 0, @Before, NULL)
            ON CONFLICT (tenant_id) DO UPDATE SET job_id = excluded.job_id, requested_by = excluded.requested_by, started_at_ms = excluded.started_at_ms,
                finished_at_ms = NULL, position_tx = 0, position_seq = 0, events_replayed = 0, profiles_before = excluded.profiles_before, profiles_after = NULL
            """, new { parameters.TenantId, parameters.JobId, parameters.RequestedBy, parameters.AtMs, Before = before }, tx);
    }

    /// <summary>Moves the job from <paramref name="from"/> to <paramref name="to"/>; false when another server moved it first.</summary>
    public async Task<bool> AdvanceAsync(DbSession session, TenantId tenant, string jobId, FeedPosition from, FeedPosition to, int replayed) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE marketing_restitch SET position_tx = @ToTx, position_seq = @ToSeq, events_replayed = events_replayed + @Replayed
            WHERE tenant_id = @TenantId AND job_id = @JobId AND finished_at_ms IS NULL AND position_tx = @FromTx AND position_seq = @FromSeq
            """,
            new { TenantId = tenant.Value, JobId = jobId, FromTx = from.Tx, FromSeq = from.Seq, ToTx = to.Tx, ToSeq = to.Seq, Replayed = replayed },
            session.Transaction) == 1;

    /// <summary>
    /// Finishes the job at <paramref name="at"/>: gives consent recorded through the API back to the profiles that now hold
    /// its identifiers (where it is newer than what the events said), and counts the profiles. False when the job moved.
    /// </summary>
    public async Task<bool> FinishAsync(DbSession session, TenantId tenant, string jobId, FeedPosition at, long atMs)
    {
        var c = session.Connection;
        var tx = session.Transaction;
        var parameters = new { TenantId = tenant.Value, JobId = jobId, AtTx = at.Tx, AtSeq = at.Seq, AtMs = atMs };
        await c.ExecuteAsync(
            """
            INSERT INTO marketing_consent (tenant_id, profile_id, purpose, state, at_ms, source_id)
            SELECT tenant_id, profile_id, purpose, state, at_ms, source_id FROM (
                SELECT s.tenant_id, i.profile_id, s.purpose, s.state, s.at_ms, s.source_id,
                       ROW_NUMBER() OVER (PARTITION BY i.profile_id, s.purpose ORDER BY s.at_ms DESC, s.id_type, s.id_value) AS newest
                FROM marketing_restitch_consent s
                JOIN marketing_identity i ON i.tenant_id = s.tenant_id AND i.id_type = s.id_type AND i.id_value = s.id_value
                WHERE s.tenant_id = @TenantId) kept
            WHERE newest = 1
            ON CONFLICT (tenant_id, profile_id, purpose) DO UPDATE SET state = excluded.state, at_ms = excluded.at_ms, source_id = excluded.source_id
            WHERE excluded.at_ms > marketing_consent.at_ms
            """, parameters, tx);
        await c.ExecuteAsync("DELETE FROM marketing_restitch_consent WHERE tenant_id = @TenantId", parameters, tx);
        await GiveBackIdsAsync(session, tenant);
        return await c.ExecuteAsync(
            """
            UPDATE marketing_restitch SET finished_at_ms = @AtMs,
                profiles_after = (SELECT COUNT(*) FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into IS NULL)
            WHERE tenant_id = @TenantId AND job_id = @JobId AND finished_at_ms IS NULL AND position_tx = @AtTx AND position_seq = @AtSeq
            """, parameters, tx) == 1;
    }

    /// <summary>
    /// Each rebuilt profile takes back the id of the old profile that held most of its identifiers (ties to the smaller
    /// ids), each old id once; the others keep their new ids. Linear in the tenant's identifiers, plus a sort.
    /// </summary>
    private static async Task GiveBackIdsAsync(DbSession session, TenantId tenant)
    {
        var c = session.Connection;
        var tx = session.Transaction;
        var parameters = new { TenantId = tenant.Value };
        var votes = await c.QueryAsync<(string NewId, string OldId, long Votes)>(
            """
            SELECT i.profile_id, p.profile_id, COUNT(*) FROM marketing_identity i
            JOIN marketing_restitch_previous p ON p.tenant_id = i.tenant_id AND p.id_type = i.id_type AND p.id_value = i.id_value
            WHERE i.tenant_id = @TenantId
            GROUP BY i.profile_id, p.profile_id
            """, parameters, tx);
        var renamed = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<object?[]>();
        foreach (var (newId, oldId, _) in votes.OrderByDescending(v => v.Votes).ThenBy(v => v.NewId, StringComparer.Ordinal).ThenBy(v => v.OldId, StringComparer.Ordinal))
        {
            if (newId != oldId && !renamed.Contains(newId) && !taken.Contains(oldId))
            {
                renamed.Add(newId);
                taken.Add(oldId);
                renames.Add([tenant.Value, newId, oldId]);
            }
        }
        await c.ExecuteAsync("DELETE FROM marketing_restitch_previous WHERE tenant_id = @TenantId", parameters, tx);
        if (renames.Count == 0)
            return;
        await session.ExecuteManyAsync(
            "INSERT INTO marketing_restitch_rename (tenant_id, new_id, old_id) VALUES (@TenantId, @NewId, @OldId)", ["@TenantId", "@NewId", "@OldId"], renames);
        foreach (var (table, column) in ProfileIdColumns)
        {
            await c.ExecuteAsync(
                $"""
                UPDATE {table} SET {column} = (SELECT r.old_id FROM marketing_restitch_rename r WHERE r.tenant_id = {table}.tenant_id AND r.new_id = {table}.{column})
                WHERE tenant_id = @TenantId AND {column} IN (SELECT r.new_id FROM marketing_restitch_rename r WHERE r.tenant_id = @TenantId)
                """, parameters, tx);
        }
        await c.ExecuteAsync("DELETE FROM marketing_restitch_rename WHERE tenant_id = @TenantId", parameters, tx);
    }

    /// <summary>
    /// For an erasure while a re-stitch runs: the identifiers that shared an old profile with any of
    /// <paramref name="held"/> (the person's, not all replayed yet), which the erasure takes as the person's too; and
    /// every row kept aside about them is deleted. A loop over the person's identifiers, which the limits keep few.
    /// </summary>
    public async Task<List<Identifier>> ForgetAsync(DbSession session, TenantId tenant, IReadOnlyCollection<Identifier> held)
    {
        var c = session.Connection;
        var tx = session.Transaction;
        var found = new HashSet<Identifier>(held);
        foreach (var identifier in held)
        {
            var together = await c.QueryAsync<(string Type, string Value)>(
                """
                SELECT o.id_type, o.id_value FROM marketing_restitch_previous p
                JOIN marketing_restitch_previous o ON o.tenant_id = p.tenant_id AND o.profile_id = p.profile_id
                WHERE p.tenant_id = @TenantId AND p.id_type = @Type AND p.id_value = @Value
                """, new { TenantId = tenant.Value, Type = identifier.TypeName, identifier.Value }, tx);
            foreach (var (type, value) in together)
            {
                if (IdentifierTypes.TryParse(type, out var parsed))
                    found.Add(new Identifier(parsed, value));
            }
        }
        foreach (var identifier in found)
        {
            var parameters = new { TenantId = tenant.Value, Type = identifier.TypeName, identifier.Value };
            await c.ExecuteAsync("DELETE FROM marketing_restitch_previous WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value", parameters, tx);
            await c.ExecuteAsync("DELETE FROM marketing_restitch_consent WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value", parameters, tx);
        }
        return found.Except(held).ToList();
    }
}
