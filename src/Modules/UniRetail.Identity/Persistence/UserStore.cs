using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Identity.Persistence;

internal sealed record UserRow
{
    public string TenantId { get; init; } = "";
    public string UserId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public string? StoreId { get; init; }
    public string PasswordHash { get; init; } = "";
    public string Stamp { get; init; } = "";
    public int FailedSignIns { get; init; }
    public long? LockedUntilMs { get; init; }
    public long CreatedAtMs { get; init; }

    public Caller ToCaller() => new(new TenantId(TenantId), Roles.Parse(Role).Value, StoreId is null ? null : new LocationId(StoreId));
}

/// <summary>Console users: one row per person and tenant, the e-mail unique in the tenant (stored lower case).</summary>
internal sealed class UserStore
{
    private const string Columns =
        "tenant_id AS TenantId, user_id AS UserId, email AS Email, role AS Role, store_id AS StoreId, password_hash AS PasswordHash, " +
        "stamp AS Stamp, failed_sign_ins AS FailedSignIns, locked_until_ms AS LockedUntilMs, created_at_ms AS CreatedAtMs";

    /// <summary>False when the tenant already has a user with this e-mail.</summary>
    public async Task<bool> InsertAsync(DbSession session, UserRow user) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO identity_user (tenant_id, user_id, email, role, store_id, password_hash, stamp, failed_sign_ins, created_at_ms)
            VALUES (@TenantId, @UserId, @Email, @Role, @StoreId, @PasswordHash, @Stamp, 0, @CreatedAtMs)
            ON CONFLICT (tenant_id, email) DO NOTHING
            """, user, session.Transaction) == 1;

    public Task<UserRow?> FindByEmailAsync(DbConnection connection, TenantId tenant, string email) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {Columns} FROM identity_user WHERE tenant_id = @Tenant AND email = @Email", new { Tenant = tenant.Value, Email = email });

    public Task<UserRow?> FindAsync(DbConnection connection, TenantId tenant, string userId) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {Columns} FROM identity_user WHERE tenant_id = @Tenant AND user_id = @UserId", new { Tenant = tenant.Value, UserId = userId });

    public async Task<IReadOnlyList<UserRow>> ListAsync(DbConnection connection, TenantId tenant, int limit) =>
        (await connection.QueryAsync<UserRow>(
            $"SELECT {Columns} FROM identity_user WHERE tenant_id = @Tenant ORDER BY email LIMIT @Limit", new { Tenant = tenant.Value, Limit = limit })).ToList();

    /// <summary>
    /// Counts a failed sign-in in one conditional update (concurrent failures all count); the one that reaches
    /// <paramref name="maxFailures"/> locks the user until <paramref name="lockUntilMs"/> and starts the count again.
    /// </summary>
    public Task RecordFailureAsync(DbSession session, TenantId tenant, string userId, int maxFailures, long lockUntilMs) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE identity_user
            SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Max THEN 0 ELSE failed_sign_ins + 1 END,
                locked_until_ms = CASE WHEN failed_sign_ins + 1 >= @Max THEN @Until ELSE locked_until_ms END
            WHERE tenant_id = @Tenant AND user_id = @UserId
            """,
            new { Tenant = tenant.Value, UserId = userId, Max = maxFailures, Until = lockUntilMs }, session.Transaction);

    public Task ResetFailuresAsync(DbSession session, TenantId tenant, string userId) =>
        session.Connection.ExecuteAsync(
            "UPDATE identity_user SET failed_sign_ins = 0, locked_until_ms = NULL WHERE tenant_id = @Tenant AND user_id = @UserId AND (failed_sign_ins <> 0 OR locked_until_ms IS NOT NULL)",
            new { Tenant = tenant.Value, UserId = userId }, session.Transaction);
}
