using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;

namespace UniRetail.Members.Registration;

/// <summary>A member of a bulk registration that was written, by its position in the input.</summary>
internal sealed record RegisteredMember(int Index, MemberId Id);

/// <summary>A member of a bulk registration that was not written, by its position in the input, and why.</summary>
internal sealed record RejectedMember(int Index, Error Error);

/// <summary>What a bulk registration wrote and what it turned away.</summary>
internal sealed record BulkRegistration(IReadOnlyList<RegisteredMember> Registered, IReadOnlyList<RejectedMember> Rejected);

/// <summary>
/// Registers many members in one write transaction: the fast path for the demo and for imports. Each member stands
/// alone: one that is malformed or whose identifier is taken (also by a member earlier in the same list) is turned away
/// with its error, and the others are written.
/// </summary>
internal sealed class RegisterMembers(Database database, MemberRegistrar registrar, MembersOptions options, TimeProvider clock)
{
    public async Task<Result<BulkRegistration>> HandleAsync(Caller caller, IReadOnlyList<RegisterMemberRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(requests);
        var now = clock.GetUtcNow();
        var candidates = new List<(int Index, NewMember Member)>(requests.Count);
        var malformed = new List<RejectedMember>();
        for (var i = 0; i < requests.Count; i++)
        {
            var candidate = requests[i].ToNewMember(MemberId.New(), now, options, $"members[{i}].");
            if (candidate.IsSuccess)
                candidates.Add((i, candidate.Value));
            else
                malformed.Add(new RejectedMember(i, candidate.Error));
        }
        return await database.WriteAsync<BulkRegistration>(async session =>
        {
            var registered = new List<RegisteredMember>(candidates.Count);
            var rejected = new List<RejectedMember>(malformed);
            foreach (var (index, candidate) in candidates)
            {
                var outcome = await registrar.TryRegisterAsync(session, caller.Tenant, candidate, ct);
                if (outcome.IsSuccess)
                    registered.Add(new RegisteredMember(index, candidate.Member.Id));
                else
                    rejected.Add(new RejectedMember(index, outcome.Error));
            }
            return new BulkRegistration(registered, rejected.OrderBy(r => r.Index).ToList());
        }, ct);
    }
}
