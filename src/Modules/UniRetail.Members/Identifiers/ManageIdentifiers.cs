using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;
using UniRetail.Members.Profiles;
using UniRetail.Members.Registration;

namespace UniRetail.Members.Identifiers;

/// <summary>Gives an active member another identifier, or takes one away. Roles that change commerce data only.</summary>
internal sealed class ManageIdentifiers(Database database, MemberStore members, IdentifierStore identifiers, MembersOptions options, TimeProvider clock)
{
    /// <summary>Adds the identifier; adding one the member already holds changes nothing and succeeds.</summary>
    public async Task<Result<IdentifierView>> AddAsync(Caller caller, MemberId member, IdentifierRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var identifier = MemberIdentifier.Parse(request.Kind, request.Value, options);
        if (!identifier.IsSuccess)
            return identifier.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<IdentifierView>(async session =>
        {
            var active = await LockActiveAsync(session, caller.Tenant, member);
            if (!active.IsSuccess)
                return active.Error;
            if (await identifiers.TryInsertAsync(session, caller.Tenant, member, identifier.Value, now))
                return IdentifierView.From(identifier.Value, DateTimeOffset.FromUnixTimeMilliseconds(now));
            var holder = await identifiers.FindAsync(session.Connection, caller.Tenant, identifier.Value, session.Transaction);
            return holder is not null && holder.Member == member
                ? IdentifierView.From(holder)
                : MembersErrors.IdentifierTaken(identifier.Value, "value");
        }, ct);
    }

    public async Task<Result<Unit>> RemoveAsync(Caller caller, MemberId member, string? kind, string? value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var identifier = MemberIdentifier.Parse(kind, value, options);
        if (!identifier.IsSuccess)
            return identifier.Error;
        return await database.WriteAsync<Unit>(async session =>
        {
            var active = await LockActiveAsync(session, caller.Tenant, member);
            if (!active.IsSuccess)
                return active.Error;
            return await identifiers.DeleteAsync(session, caller.Tenant, member, identifier.Value)
                ? Unit.Value
                : MembersErrors.IdentifierNotHeld(member, identifier.Value, "value");
        }, ct);
    }

    private async Task<Result<Unit>> LockActiveAsync(DbSession session, TenantId tenant, MemberId member)
    {
        if (await members.LockActiveAsync(session, tenant, member))
            return Unit.Value;
        var found = await members.FindAsync(session, tenant, member);
        return found is null ? MembersErrors.UnknownMember(member, "id") : MembersErrors.AlreadyMerged(member, found.MergedInto, "id");
    }
}
