using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.Persistence;

internal sealed class SourceRow
{
    public string TenantId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? LocationId { get; init; }
    public long CreatedAtMs { get; init; }

    public EventOrigin ToOrigin() => new(new TenantId(TenantId), SourceId, SourceKinds.Parse(Kind).Value, LocationId);
}

/// <summary>A write key of a source, with the source's kind and store (what an event it opens is stamped with).</summary>
internal sealed class WriteKeyRow
{
    public string TenantId { get; init; } = "";
    public string KeyId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public string SecretHash { get; init; } = "";
    public long CreatedAtMs { get; init; }
    public long? ExpiresAtMs { get; init; }
    public long? RevokedAtMs { get; init; }
    public string Kind { get; init; } = "";
    public string? LocationId { get; init; }

    /// <summary>Opens events at <paramref name="nowMs"/>: not revoked, and not past the end of a rotation's overlap.</summary>
    public bool IsLiveAt(long nowMs) => RevokedAtMs is null && (ExpiresAtMs is null || ExpiresAtMs > nowMs);

    public EventOrigin ToOrigin() => new(new TenantId(TenantId), SourceId, SourceKinds.Parse(Kind).Value, LocationId);
}

internal sealed class SourceStore
{
    private const string Columns = "tenant_id AS TenantId, source_id AS SourceId, kind AS Kind, name AS Name, location_id AS LocationId, created_at_ms AS CreatedAtMs";

    private const string KeyColumns =
        """
        k.tenant_id AS TenantId, k.key_id AS KeyId, k.source_id AS SourceId, k.secret_hash AS SecretHash, k.created_at_ms AS CreatedAtMs,
        k.expires_at_ms AS ExpiresAtMs, k.revoked_at_ms AS RevokedAtMs, s.kind AS Kind, s.location_id AS LocationId
        """;

    public Task InsertAsync(DbSession session, SourceRow row) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_source (tenant_id, source_id, kind, name, location_id, created_at_ms)
            VALUES (@TenantId, @SourceId, @Kind, @Name, @LocationId, @CreatedAtMs)
            """, row, session.Transaction);

    public Task InsertKeyAsync(DbSession session, TenantId tenant, string sourceId, WriteKey key, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_write_key (tenant_id, key_id, source_id, secret_hash, created_at_ms)
            VALUES (@Tenant, @KeyId, @Source, @Hash, @At)
            """, new { Tenant = tenant.Value, key.KeyId, Source = sourceId, Hash = key.SecretHash, At = atMs }, session.Transaction);

    /// <summary>The key by its public id, in any tenant, with its source: this is how an event finds its tenant.</summary>
    public Task<WriteKeyRow?> FindKeyAsync(DbConnection connection, string keyId) =>
        connection.QuerySingleOrDefaultAsync<WriteKeyRow>(
            $"""
            SELECT {KeyColumns} FROM marketing_write_key k JOIN marketing_source s ON s.tenant_id = k.tenant_id AND s.source_id = k.source_id
            WHERE k.key_id = @KeyId
            """, new { KeyId = keyId });

    /// <summary>The keys of the tenant's sources, oldest first.</summary>
    public async Task<IReadOnlyList<WriteKeyRow>> KeysAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> sourceIds, DbTransaction? transaction = null) =>
        sourceIds.Count == 0 ? [] : (await connection.QueryAsync<WriteKeyRow>(
            $"""
            SELECT {KeyColumns} FROM marketing_write_key k JOIN marketing_source s ON s.tenant_id = k.tenant_id AND s.source_id = k.source_id
            WHERE k.tenant_id = @Tenant AND {SqlLists.In(connection, "k.source_id", "Sources")}
            ORDER BY k.created_at_ms, k.key_id
            """, new { Tenant = tenant.Value, Sources = sourceIds.ToArray() }, transaction)).ToList();

    /// <summary>Ends every live key of the source at <paramref name="untilMs"/> (or keeps an earlier end); returns the keys it changed.</summary>
    public async Task<IReadOnlyList<string>> ExpireLiveKeysAsync(DbSession session, TenantId tenant, string sourceId, long untilMs) =>
        (await session.Connection.QueryAsync<string>(
            """
            UPDATE marketing_write_key SET expires_at_ms = @Until
            WHERE tenant_id = @Tenant AND source_id = @Source AND revoked_at_ms IS NULL AND (expires_at_ms IS NULL OR expires_at_ms > @Until)
            RETURNING key_id
            """, new { Tenant = tenant.Value, Source = sourceId, Until = untilMs }, session.Transaction)).ToList();

    /// <summary>Revokes one key of the source now; false when it has no such key or it was revoked already.</summary>
    public async Task<bool> RevokeKeyAsync(DbSession session, TenantId tenant, string sourceId, string keyId, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_write_key SET revoked_at_ms = @At WHERE tenant_id = @Tenant AND source_id = @Source AND key_id = @KeyId AND revoked_at_ms IS NULL",
            new { Tenant = tenant.Value, Source = sourceId, KeyId = keyId, At = atMs }, session.Transaction) == 1;

    public Task<SourceRow?> FindAsync(DbConnection connection, TenantId tenant, string sourceId, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<SourceRow>($"SELECT {Columns} FROM marketing_source WHERE tenant_id = @TenantId AND source_id = @SourceId",
            new { TenantId = tenant.Value, SourceId = sourceId }, transaction);

    /// <summary>The tenant's oldest source of this kind with this name, or null.</summary>
    public Task<SourceRow?> FindByNameAsync(DbSession session, TenantId tenant, string kind, string name) =>
        session.Connection.QueryFirstOrDefaultAsync<SourceRow>(
            $"SELECT {Columns} FROM marketing_source WHERE tenant_id = @TenantId AND kind = @Kind AND name = @Name ORDER BY created_at_ms, source_id LIMIT 1",
            new { TenantId = tenant.Value, Kind = kind, Name = name }, session.Transaction);

    /// <summary>The tenant's sources in id order (time-ordered ids), after the page's position.</summary>
    public async Task<IReadOnlyList<SourceRow>> ListAsync(DbConnection connection, TenantId tenant, PageQuery page) =>
        (await connection.QueryAsync<SourceRow>(
            $"SELECT {Columns} FROM marketing_source WHERE tenant_id = @TenantId AND (@After IS NULL OR source_id > @After) ORDER BY source_id LIMIT @Limit",
            new { TenantId = tenant.Value, page.After, Limit = page.RowsToRead })).ToList();
}
