using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;

namespace UniRetail.Members.Merging;

/// <summary>
/// Merges a member into another: the source's identifiers move to the target, the source becomes a pointer to the
/// target, the merge is audited and <see cref="MembersMerged"/> lets other modules move their rows, all in one
/// transaction. Admins and integrations only.
/// </summary>
internal sealed class MergeMembers(Database database, MemberStore members, IdentifierStore identifiers, MergeStore merges, TimeProvider clock)
{
    // mergedBy is who merged, for the audit: the API key id, or "cli".
    public async Task<Result<MergeView>> HandleAsync(Caller caller, MergeMembersRequest request, string mergedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(mergedBy);
        if (string.IsNullOrWhiteSpace(request.SourceId))
            return MembersErrors.Required("sourceId");
        if (string.IsNullOrWhiteSpace(request.TargetId))
            return MembersErrors.Required("targetId");
        var source = new MemberId(request.SourceId.Trim());
        var target = new MemberId(request.TargetId.Trim());
        if (source == target)
            return MembersErrors.CannotMergeIntoItself();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        return await database.WriteAsync(session => MergeAsync(session, caller.Tenant, source, target, mergedBy, now, ct), ct);
    }

    private async Task<Result<MergeView>> MergeAsync(
        DbSession session, TenantId tenant, MemberId source, MemberId target, string mergedBy, DateTimeOffset now, CancellationToken ct)
    {
        var targetMember = await members.FindAsync(session, tenant, target);
        if (targetMember is null)
            return MembersErrors.UnknownMember(target, "targetId");
        var sourceMember = await members.FindAsync(session, tenant, source);
        if (sourceMember is null)
            return MembersErrors.UnknownMember(source, "sourceId");
        var merged = sourceMember.MergeInto(targetMember);
        if (!merged.IsSuccess)
            return merged.Error;
        // What was read above may be stale beside another writer; these conditional updates lock both rows (target
        // first) and re-check that both are still active, so two merges touching one member never both go through.
        if (!await members.LockActiveAsync(session, tenant, target))
            return MembersErrors.AlreadyMerged(target, null, "targetId");
        if (!await members.MarkMergedAsync(session, tenant, source, target, now.ToUnixTimeMilliseconds()))
            return MembersErrors.AlreadyMerged(source, null, "sourceId");
        await members.RepointMergedAsync(session, tenant, source, target);
        var moved = await identifiers.MoveAllAsync(session, tenant, source, target);
        var merge = new MemberMerge(NewId.With("mrg"), source, target, moved, mergedBy, now);
        await merges.InsertAsync(session, tenant, merge);
        await session.PublishAsync(new MembersMerged(tenant, source, target), ct);
        return MergeView.From(merge);
    }
}
