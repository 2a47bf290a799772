using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Domain;

namespace UniRetail.Members.Persistence;

/// <summary>An identifier as stored: who holds it and since when.</summary>
internal sealed record HeldIdentifier(MemberIdentifier Identifier, MemberId Member, DateTimeOffset AddedAt);

internal sealed class IdentifierStore
{
    private const string Columns = "kind AS Kind, value AS Value, member_id AS MemberId, added_at_ms AS AddedAtMs";

    /// <summary>
    /// Gives the identifier to the member; false when the tenant already has it. The primary key decides, so of two
    /// registrations racing for one phone exactly one gets it.
    /// </summary>
    public async Task<bool> TryInsertAsync(DbSession session, TenantId tenant, MemberId member, MemberIdentifier identifier, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO members_identifier (tenant_id, kind, value, member_id, added_at_ms)
            VALUES (@Tenant, @Kind, @Value, @Member, @At)
            ON CONFLICT DO NOTHING
            """,
            new { Tenant = tenant.Value, Kind = IdentifierKinds.ToName(identifier.Kind), identifier.Value, Member = member.Value, At = atMs },
            session.Transaction) == 1;

    public async Task<HeldIdentifier?> FindAsync(DbConnection connection, TenantId tenant, MemberIdentifier identifier, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<IdentifierRow>(
            $"SELECT {Columns} FROM members_identifier WHERE tenant_id = @Tenant AND kind = @Kind AND value = @Value",
            new { Tenant = tenant.Value, Kind = IdentifierKinds.ToName(identifier.Kind), identifier.Value }, transaction))?.ToHeld();

    public async Task<IReadOnlyList<HeldIdentifier>> ListAsync(DbConnection connection, TenantId tenant, MemberId member) =>
        (await connection.QueryAsync<IdentifierRow>(
            $"SELECT {Columns} FROM members_identifier WHERE tenant_id = @Tenant AND member_id = @Member ORDER BY added_at_ms, kind, value",
            new { Tenant = tenant.Value, Member = member.Value }))
            .Select(r => r.ToHeld()).ToList();

    /// <summary>Takes the identifier from the member; false when the member does not hold it.</summary>
    public async Task<bool> DeleteAsync(DbSession session, TenantId tenant, MemberId member, MemberIdentifier identifier) =>
        await session.Connection.ExecuteAsync(
            "DELETE FROM members_identifier WHERE tenant_id = @Tenant AND kind = @Kind AND value = @Value AND member_id = @Member",
            new { Tenant = tenant.Value, Kind = IdentifierKinds.ToName(identifier.Kind), identifier.Value, Member = member.Value },
            session.Transaction) == 1;

    public Task DeleteAllAsync(DbSession session, TenantId tenant, MemberId member) =>
        session.Connection.ExecuteAsync(
            "DELETE FROM members_identifier WHERE tenant_id = @Tenant AND member_id = @Member",
            new { Tenant = tenant.Value, Member = member.Value }, session.Transaction);

    /// <summary>Hands every identifier of <paramref name="source"/> to <paramref name="target"/> and returns what moved.</summary>
    public async Task<IReadOnlyList<MemberIdentifier>> MoveAllAsync(DbSession session, TenantId tenant, MemberId source, MemberId target) =>
        (await session.Connection.QueryAsync<IdentifierRow>(
            $"UPDATE members_identifier SET member_id = @Target WHERE tenant_id = @Tenant AND member_id = @Source RETURNING {Columns}",
            new { Tenant = tenant.Value, Source = source.Value, Target = target.Value }, session.Transaction))
            .Select(r => r.ToHeld().Identifier)
            .OrderBy(i => i.Kind).ThenBy(i => i.Value, StringComparer.Ordinal)
            .ToList();

    private sealed class IdentifierRow
    {
        public string Kind { get; init; } = "";
        public string Value { get; init; } = "";
        public string MemberId { get; init; } = "";
        public long AddedAtMs { get; init; }

        public HeldIdentifier ToHeld() => new(
            MemberIdentifier.FromStored(Kind, Value), new MemberId(MemberId), DateTimeOffset.FromUnixTimeMilliseconds(AddedAtMs));
    }
}
