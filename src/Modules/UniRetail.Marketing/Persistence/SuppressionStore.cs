using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Marketing.Persistence;

internal sealed class ErasureRow
{
    public string ErasureId { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public long AtMs { get; init; }
    public long ProfilesErased { get; init; }
    public long IdentifiersErased { get; init; }
    public long EventsErased { get; init; }
    public long MembersErased { get; init; }
}

/// <summary>Fingerprints of erased identifiers, and the personal-data-free audit of each erasure.</summary>
internal sealed class SuppressionStore
{
    public async Task<HashSet<string>> FingerprintsAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<string>("SELECT fingerprint FROM marketing_suppression WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, transaction))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The tenant's erasure epoch as committed (0 before its first erasure). Read it before the fingerprints.</summary>
    public async Task<long> EpochAsync(DbConnection connection, TenantId tenant) =>
        await connection.ExecuteScalarAsync<long?>("SELECT epoch FROM marketing_erasure_epoch WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }) ?? 0;

    /// <summary>
    /// The epoch inside a write, held until the write ends: on PostgreSQL FOR SHARE waits for a running erasure to commit
    /// (and an erasure starting now waits for this write); SQLite's single writer orders them anyway. A tenant's first
    /// write makes the row, so there is one to lock; its ON CONFLICT waits for an erasure inserting it at the same time.
    /// </summary>
    public async Task<long> EpochInWriteAsync(DbSession session, TenantId tenant)
    {
        var select = session.Provider == DatabaseProvider.Postgres
            ? "SELECT epoch FROM marketing_erasure_epoch WHERE tenant_id = @TenantId FOR SHARE"
            : "SELECT epoch FROM marketing_erasure_epoch WHERE tenant_id = @TenantId";
        var parameters = new { TenantId = tenant.Value };
        if (await session.Connection.ExecuteScalarAsync<long?>(select, parameters, session.Transaction) is { } epoch)
            return epoch;
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_erasure_epoch (tenant_id, epoch) VALUES (@TenantId, 0) ON CONFLICT (tenant_id) DO NOTHING", parameters, session.Transaction);
        return await session.Connection.ExecuteScalarAsync<long>(select, parameters, session.Transaction);
    }

    /// <summary>Moves the epoch: an erasure's first statement, whose row lock it keeps until it commits.</summary>
    public Task<long> AdvanceEpochAsync(DbSession session, TenantId tenant) =>
        session.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO marketing_erasure_epoch (tenant_id, epoch) VALUES (@TenantId, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET epoch = marketing_erasure_epoch.epoch + 1
            RETURNING epoch
            """, new { TenantId = tenant.Value }, session.Transaction);

    public Task SuppressAsync(DbSession session, TenantId tenant, string erasureId, IEnumerable<string> fingerprints, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_suppression (tenant_id, fingerprint, erasure_id, at_ms) VALUES (@TenantId, @Fingerprint, @ErasureId, @AtMs)
            ON CONFLICT (tenant_id, fingerprint) DO NOTHING
            """,
            fingerprints.Select(f => new { TenantId = tenant.Value, Fingerprint = f, ErasureId = erasureId, AtMs = atMs }), session.Transaction);

    public Task RecordAsync(DbSession session, TenantId tenant, ErasureRow erasure) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_erasure (tenant_id, erasure_id, requested_by, at_ms, profiles_erased, identifiers_erased, events_erased, members_erased)
            VALUES (@TenantId, @ErasureId, @RequestedBy, @AtMs, @ProfilesErased, @IdentifiersErased, @EventsErased, @MembersErased)
            """,
            new
            {
                TenantId = tenant.Value, erasure.ErasureId, erasure.RequestedBy, erasure.AtMs, erasure.ProfilesErased, erasure.IdentifiersErased, erasure.EventsErased,
                erasure.MembersErased,
            },
            session.Transaction);

    /// <summary>Erasures newest first (their ids are time-ordered), before the page's position.</summary>
    public async Task<List<ErasureRow>> ErasuresAsync(DbConnection connection, TenantId tenant, PageQuery page) =>
        (await connection.QueryAsync<ErasureRow>(
            """
            SELECT erasure_id AS ErasureId, requested_by AS RequestedBy, at_ms AS AtMs, profiles_erased AS ProfilesErased,
                identifiers_erased AS IdentifiersErased, events_erased AS EventsErased, members_erased AS MembersErased
            FROM marketing_erasure WHERE tenant_id = @TenantId AND (@After IS NULL OR erasure_id < @After) ORDER BY erasure_id DESC LIMIT @Limit
            """, new { TenantId = tenant.Value, page.After, Limit = page.RowsToRead })).ToList();
}
