using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;

namespace UniRetail.Members.Registration;

/// <summary>Writes one new member inside a caller's transaction; shared by single and bulk registration.</summary>
internal sealed class MemberRegistrar(MemberStore members, IdentifierStore identifiers)
{
    /// <summary>
    /// Claims the identifiers first, then writes the member. When one is already taken, the identifiers claimed so far
    /// are released and nothing of this member remains, while the rest of the transaction carries on. A member written is
    /// published (<see cref="MemberRegistered"/>) in the same transaction.
    /// </summary>
    public async Task<Result<Member>> TryRegisterAsync(DbSession session, TenantId tenant, NewMember candidate, CancellationToken ct)
    {
        var member = candidate.Member;
        var atMs = member.CreatedAt.ToUnixTimeMilliseconds();
        foreach (var (identifier, field) in candidate.Identifiers)
        {
            if (await identifiers.TryInsertAsync(session, tenant, member.Id, identifier, atMs))
                continue;
            await identifiers.DeleteAllAsync(session, tenant, member.Id);
            return MembersErrors.IdentifierTaken(identifier, field);
        }
        await members.InsertAsync(session, tenant, member);
        var registered = candidate.Identifiers.Select(i => new RegisteredIdentifier(i.Identifier.Kind, i.Identifier.Value)).ToList();
        await session.PublishAsync(new MemberRegistered(tenant, member.Id, member.DisplayName, registered, member.CreatedAt), ct);
        return member;
    }
}
