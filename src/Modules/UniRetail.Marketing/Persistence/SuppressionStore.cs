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
    public async Task<HashSet<string>> FingerprintsAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QueryAsync<string>("SELECT fingerprint FROM marketing_suppression WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>How many erasures the tenant has had: a projector batch planned before one must be planned again.</summary>
    public Task<long> ErasureCountAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM marketing_erasure WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, transaction);

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

    public async Task<List<ErasureRow>> ErasuresAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QueryAsync<ErasureRow>(
            """
            SELECT erasure_id AS ErasureId, requested_by AS RequestedBy, at_ms AS AtMs, profiles_erased AS ProfilesErased,
                identifiers_erased AS IdentifiersErased, events_erased AS EventsErased, members_erased AS MembersErased
            FROM marketing_erasure WHERE tenant_id = @TenantId ORDER BY at_ms DESC, erasure_id
            """, new { TenantId = tenant.Value })).ToList();
}
