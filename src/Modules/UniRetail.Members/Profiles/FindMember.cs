using System.Data.Common;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;

namespace UniRetail.Members.Profiles;

/// <summary>Finds a member by id (a merged id leads to the survivor) or by any of its identifiers. Any role may read.</summary>
internal sealed class FindMember(Database database, MemberStore members, IdentifierStore identifiers, MembersOptions options)
{
    public Task<Result<MemberView>> GetAsync(Caller caller, MemberId id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return database.ReadAsync<Result<MemberView>>(async connection =>
            await members.ResolveAsync(connection, caller.Tenant, id) is { } member
                ? await ViewAsync(connection, caller.Tenant, member, id)
                : MembersErrors.UnknownMember(id, "id"), ct);
    }

    public async Task<Result<MemberView>> LookupAsync(Caller caller, string? kind, string? value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var identifier = MemberIdentifier.Parse(kind, value, options);
        if (!identifier.IsSuccess)
            return identifier.Error;
        return await database.ReadAsync<Result<MemberView>>(async connection =>
        {
            var held = await identifiers.FindAsync(connection, caller.Tenant, identifier.Value);
            var member = held is null ? null : await members.ResolveAsync(connection, caller.Tenant, held.Member);
            return member is null
                ? MembersErrors.UnknownIdentifier(identifier.Value, "value")
                : await ViewAsync(connection, caller.Tenant, member, member.Id);
        }, ct);
    }

    private async Task<MemberView> ViewAsync(DbConnection connection, TenantId tenant, Member member, MemberId asked)
    {
        var held = await identifiers.ListAsync(connection, tenant, member.Id);
        return MemberView.From(member, held.Select(IdentifierView.From), asked == member.Id ? null : asked.Value);
    }
}
