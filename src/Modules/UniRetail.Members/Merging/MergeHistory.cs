using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;

namespace UniRetail.Members.Merging;

/// <summary>
/// The merges that made a member what it is, oldest first, including merges into members that were later merged into
/// it. A merged-away id shows its survivor's history. Any role may read.
/// </summary>
internal sealed class MergeHistory(Database database, MemberStore members, MergeStore merges)
{
    public Task<Result<IReadOnlyList<MergeView>>> HandleAsync(Caller caller, MemberId member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return database.ReadAsync<Result<IReadOnlyList<MergeView>>>(async connection =>
        {
            var survivor = await members.ResolveAsync(connection, caller.Tenant, member);
            if (survivor is null)
                return MembersErrors.UnknownMember(member, "id");
            var history = await merges.ListIntoAsync(connection, caller.Tenant, survivor.Id);
            return history.Select(MergeView.From).ToList();
        }, ct);
    }
}
