using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;

namespace UniRetail.Members.Persistence;

internal sealed class MemberDirectory(Database database, MemberStore members, IdentifierStore identifiers, MembersOptions options) : IMemberDirectory
{
    public Task<bool> ExistsAsync(TenantId tenant, MemberId member, CancellationToken ct) =>
        database.ReadAsync(c => members.IsActiveAsync(c, tenant, member), ct);

    public async Task<MemberId?> FindByIdentifierAsync(TenantId tenant, IdentifierKind kind, string value, CancellationToken ct)
    {
        var identifier = MemberIdentifier.Parse(kind, value, options);
        if (!identifier.IsSuccess)
            return null;
        var held = await database.ReadAsync(c => identifiers.FindAsync(c, tenant, identifier.Value), ct);
        return held?.Member;
    }

    public Task<MemberCard?> ResolveAsync(TenantId tenant, MemberId member, CancellationToken ct) =>
        database.ReadAsync(async c => await members.ResolveAsync(c, tenant, member) is { Status: MemberStatus.Active } found
            ? new MemberCard(found.Id, found.DisplayName)
            : null, ct);
}
