using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Store.Persistence;

internal sealed record IssuedCode(string CodeId, MemberId Member, bool Wallet, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

internal sealed class MemberCodeStore
{
    public Task InsertAsync(DbSession session, TenantId tenant, string codeId, MemberId member, bool wallet, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO store_member_code (tenant_id, code_id, member_id, wallet, issued_at_ms, expires_at_ms)
            VALUES (@Tenant, @Code, @Member, @Wallet, @Issued, @Expires)
            """,
            new
            {
                Tenant = tenant.Value, Code = codeId, Member = member.Value, Wallet = wallet ? 1 : 0,
                Issued = issuedAt.ToUnixTimeMilliseconds(), Expires = expiresAt.ToUnixTimeMilliseconds(),
            },
            session.Transaction);

    /// <summary>A member's codes that expired before <paramref name="before"/> (the code itself carries its expiry, so a till still answers "expired" without its row).</summary>
    public Task ForgetExpiredAsync(DbSession session, TenantId tenant, MemberId member, DateTimeOffset before) =>
        session.Connection.ExecuteAsync(
            "DELETE FROM store_member_code WHERE tenant_id = @Tenant AND member_id = @Member AND expires_at_ms < @Before",
            new { Tenant = tenant.Value, Member = member.Value, Before = before.ToUnixTimeMilliseconds() }, session.Transaction);

    /// <summary>
    /// Marks the code used by one scan: the update only matches an unused code, so of any number of scans racing for it
    /// (on SQLite one writer at a time; on PostgreSQL the row lock, then the WHERE re-checked) exactly one changes the row.
    /// </summary>
    public async Task<bool> TryUseAsync(DbSession session, TenantId tenant, string codeId, LocationId store, DateTimeOffset at) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE store_member_code SET used_at_ms = @At, used_store_id = @Store
            WHERE tenant_id = @Tenant AND code_id = @Code AND used_at_ms IS NULL
            """,
            new { Tenant = tenant.Value, Code = codeId, Store = store.Value, At = at.ToUnixTimeMilliseconds() },
            session.Transaction) == 1;

    public Task<IssuedCode?> FindAsync(DbSession session, TenantId tenant, string codeId) =>
        FindAsync(session.Connection, tenant, codeId, session.Transaction);

    public async Task<IssuedCode?> FindAsync(DbConnection connection, TenantId tenant, string codeId, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT code_id AS CodeId, member_id AS MemberId, wallet AS Wallet, expires_at_ms AS ExpiresAtMs, used_at_ms AS UsedAtMs
            FROM store_member_code WHERE tenant_id = @Tenant AND code_id = @Code
            """,
            new { Tenant = tenant.Value, Code = codeId }, transaction))?.ToIssued();

    private sealed class Row
    {
        public string CodeId { get; init; } = "";
        public string MemberId { get; init; } = "";
        public long Wallet { get; init; }
        public long ExpiresAtMs { get; init; }
        public long? UsedAtMs { get; init; }

        public IssuedCode ToIssued() => new(
            CodeId, new MemberId(MemberId), Wallet == 1, DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtMs),
            UsedAtMs is { } used ? DateTimeOffset.FromUnixTimeMilliseconds(used) : null);
    }
}
