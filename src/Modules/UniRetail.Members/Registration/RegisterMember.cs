using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Profiles;

namespace UniRetail.Members.Registration;

/// <summary>Registers one member with any set of identifiers, all or nothing. Store staff do this at the till.</summary>
internal sealed class RegisterMember(Database database, MemberRegistrar registrar, MembersOptions options, TimeProvider clock)
{
    public async Task<Result<MemberView>> HandleAsync(Caller caller, RegisterMemberRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var candidate = request.ToNewMember(MemberId.New(), clock.GetUtcNow(), options);
        if (!candidate.IsSuccess)
            return candidate.Error;
        return await database.WriteAsync(async session =>
            (await registrar.TryRegisterAsync(session, caller.Tenant, candidate.Value, ct)).Map(_ => MemberView.From(candidate.Value)), ct);
    }
}
