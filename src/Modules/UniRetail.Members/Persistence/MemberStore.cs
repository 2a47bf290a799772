using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Domain;

namespace UniRetail.Members.Persistence;

internal sealed class MemberStore
{
    private const string Columns =
        "m.member_id AS MemberId, m.display_name AS DisplayName, m.status AS Status, m.merged_into AS MergedInto, m.created_at_ms AS CreatedAtMs";

    public Task InsertAsync(DbSession session, TenantId tenant, Member member) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO members_member (tenant_id, member_id, display_name, status, created_at_ms)
            VALUES (@Tenant, @Id, @DisplayName, 'active', @At)
            """,
            new { Tenant = tenant.Value, Id = member.Id.Value, member.DisplayName, At = member.CreatedAt.ToUnixTimeMilliseconds() },
            session.Transaction);

    public Task<Member?> FindAsync(DbSession session, TenantId tenant, MemberId id) =>
        FindAsync(session.Connection, tenant, id, session.Transaction);

    public async Task<Member?> FindAsync(DbConnection connection, TenantId tenant, MemberId id, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<MemberRow>(
            $"SELECT {Columns} FROM members_member m WHERE m.tenant_id = @Tenant AND m.member_id = @Id",
            new { Tenant = tenant.Value, Id = id.Value }, transaction))?.ToMember();

    /// <summary>
    /// The member an id names now: itself, or the member it was merged into. One hop is enough because a merge
    /// re-points everything merged into its source (<see cref="RepointMergedAsync"/>).
    /// </summary>
    public async Task<Member?> ResolveAsync(DbConnection connection, TenantId tenant, MemberId id) =>
        (await connection.QuerySingleOrDefaultAsync<MemberRow>(
            $"""
            SELECT {Columns} FROM members_member asked
            JOIN members_member m ON m.tenant_id = asked.tenant_id AND m.member_id = COALESCE(asked.merged_into, asked.member_id)
            WHERE asked.tenant_id = @Tenant AND asked.member_id = @Id
            """,
            new { Tenant = tenant.Value, Id = id.Value }))?.ToMember();

    public async Task<bool> IsActiveAsync(DbConnection connection, TenantId tenant, MemberId id) =>
        await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM members_member WHERE tenant_id = @Tenant AND member_id = @Id AND status = 'active'",
            new { Tenant = tenant.Value, Id = id.Value }) == 1;

    /// <summary>
    /// A no-op update of an active member: it takes the member's row lock, so a merge running beside this transaction
    /// waits for it (and then sees what it wrote) instead of missing it. False when the member is unknown or merged.
    /// </summary>
    public async Task<bool> LockActiveAsync(DbSession session, TenantId tenant, MemberId id) =>
        await session.Connection.ExecuteAsync(
            "UPDATE members_member SET status = status WHERE tenant_id = @Tenant AND member_id = @Id AND status = 'active'",
            new { Tenant = tenant.Value, Id = id.Value }, session.Transaction) == 1;

    /// <summary>Marks an active member merged into another; false when it is not active (any more).</summary>
    public async Task<bool> MarkMergedAsync(DbSession session, TenantId tenant, MemberId source, MemberId target, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE members_member SET status = 'merged', merged_into = @Target, merged_at_ms = @At
            WHERE tenant_id = @Tenant AND member_id = @Source AND status = 'active'
            """,
            new { Tenant = tenant.Value, Source = source.Value, Target = target.Value, At = atMs }, session.Transaction) == 1;

    /// <summary>Members merged earlier into <paramref name="source"/> now point at <paramref name="target"/> too.</summary>
    public Task RepointMergedAsync(DbSession session, TenantId tenant, MemberId source, MemberId target) =>
        session.Connection.ExecuteAsync(
            "UPDATE members_member SET merged_into = @Target WHERE tenant_id = @Tenant AND merged_into = @Source",
            new { Tenant = tenant.Value, Source = source.Value, Target = target.Value }, session.Transaction);

    private sealed class MemberRow
    {
        public string MemberId { get; init; } = "";
        public string? DisplayName { get; init; }
        public string Status { get; init; } = "";
        public string? MergedInto { get; init; }
        public long CreatedAtMs { get; init; }

        public Member ToMember() => new(
            new MemberId(MemberId),
            DisplayName,
            Status switch { "merged" => MemberStatus.Merged, "erased" => MemberStatus.Erased, _ => MemberStatus.Active },
            MergedInto is null ? null : new MemberId(MergedInto),
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs));
    }
}
