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
    public Task<Result<Slice<MergeView>>> HandleAsync(Caller caller, MemberId member, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return database.ReadAsync<Result<Slice<MergeView>>>(async connection =>
        {
            var survivor = await members.ResolveAsync(connection, caller.Tenant, member);
            if (survivor is null)
                return MembersErrors.UnknownMember(member, "id");
            var history = await merges.ListIntoAsync(connection, caller.Tenant, survivor.Id);
            // Merge ids are time-ordered (UUIDv7), so the oldest-first history is also their ordinal order.
            return Slice<MergeView>.From(history.Select(MergeView.From), page, m => m.MergeId);
        }, ct);
    }
}
