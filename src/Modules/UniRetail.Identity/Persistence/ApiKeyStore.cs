using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Identity.Domain;
using UniRetail.Kernel;

namespace UniRetail.Identity.Persistence;

internal sealed class ApiKeyRow
{
    public string TenantId { get; init; } = "";
    public string KeyId { get; init; } = "";
    public string SecretHash { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string? StoreId { get; init; }
    public long CreatedAtMs { get; init; }
    public long? RevokedAtMs { get; init; }

    public Caller ToCaller() => new(new TenantId(TenantId), Roles.Parse(Role).Value, StoreId is null ? null : new LocationId(StoreId));
}

internal sealed class ApiKeyStore
{
    private const string Columns =
        "tenant_id AS TenantId, key_id AS KeyId, secret_hash AS SecretHash, name AS Name, role AS Role, store_id AS StoreId, created_at_ms AS CreatedAtMs, revoked_at_ms AS RevokedAtMs";

    public Task InsertAsync(DbSession session, TenantId tenant, ApiKeyToken token, string name, Role role, LocationId? store, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO identity_api_key (tenant_id, key_id, secret_hash, name, role, store_id, created_at_ms)
            VALUES (@Tenant, @KeyId, @Hash, @Name, @Role, @Store, @At)
            """,
            new { Tenant = tenant.Value, token.KeyId, Hash = token.SecretHash, Name = name, Role = Roles.ToName(role), Store = store?.Value, At = atMs },
            session.Transaction);

    /// <summary>The key by its public id, in any tenant: this is how a request finds its tenant.</summary>
    public Task<ApiKeyRow?> FindAsync(DbConnection connection, string keyId) =>
        connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"SELECT {Columns} FROM identity_api_key WHERE key_id = @KeyId", new { KeyId = keyId });

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QueryAsync<ApiKeyRow>($"SELECT {Columns} FROM identity_api_key WHERE tenant_id = @Tenant ORDER BY created_at_ms", new { Tenant = tenant.Value })).ToList();

    public async Task<bool> RevokeAsync(DbSession session, TenantId tenant, string keyId, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE identity_api_key SET revoked_at_ms = @At WHERE tenant_id = @Tenant AND key_id = @KeyId AND revoked_at_ms IS NULL",
            new { Tenant = tenant.Value, KeyId = keyId, At = atMs }, session.Transaction) == 1;
}
