using UniRetail.Kernel;

namespace UniRetail.Members.Domain;

internal enum MemberStatus
{
    Active,
    Merged,
    /// <summary>The person asked to be forgotten: no name, no identifiers; the id stays as the orders' pseudonym.</summary>
    Erased,
}

/// <summary>
/// One person across channels. A merged member lives on only as a pointer to the member it was merged into.
/// Points, tiers and the rotating member code belong to a member too but will sit in their own tables keyed
/// (tenant_id, member_id) when they arrive, so this row stays the narrow identity record every lookup reads.
/// </summary>
internal sealed record Member(MemberId Id, string? DisplayName, MemberStatus Status, MemberId? MergedInto, DateTimeOffset CreatedAt)
{
    private const int MaxDisplayName = 200;

    public static Result<Member> Register(MemberId id, string? displayName, DateTimeOffset now, string field = "displayName")
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (name is { Length: > MaxDisplayName } || (name?.Any(char.IsControl) ?? false))
            return MembersErrors.BadDisplayName(field);
        // Stored in epoch milliseconds; truncating here makes what the caller is handed equal what is read back.
        return new Member(id, name, MemberStatus.Active, null, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
    }

    /// <summary>This member as it is once merged into <paramref name="target"/>, when both are still active and distinct.</summary>
    public Result<Member> MergeInto(Member target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == Id)
            return MembersErrors.CannotMergeIntoItself();
        if (Status == MemberStatus.Erased || target.Status == MemberStatus.Erased)
            return MembersErrors.Erased(Status == MemberStatus.Erased ? Id : target.Id, Status == MemberStatus.Erased ? "sourceId" : "targetId");
        if (Status == MemberStatus.Merged)
            return MembersErrors.AlreadyMerged(Id, MergedInto, "sourceId");
        if (target.Status == MemberStatus.Merged)
            return MembersErrors.AlreadyMerged(target.Id, target.MergedInto, "targetId");
        return this with { Status = MemberStatus.Merged, MergedInto = target.Id };
    }
}

/// <summary>The audit of one merge: what moved from <see cref="Source"/> to <see cref="Target"/>, who did it and when.</summary>
internal sealed record MemberMerge(string MergeId, MemberId Source, MemberId Target, IReadOnlyList<MemberIdentifier> MovedIdentifiers, string MergedBy, DateTimeOffset MergedAt);
