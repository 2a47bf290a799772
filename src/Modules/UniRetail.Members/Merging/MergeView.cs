using UniRetail.Members.Domain;

namespace UniRetail.Members.Merging;

/// <summary>A merge as the API takes it: the member that goes away and the one that stays.</summary>
internal sealed record MergeMembersRequest(string? SourceId, string? TargetId);

/// <summary>An identifier that moved in a merge.</summary>
internal sealed record MovedIdentifierView(string Kind, string Value);

/// <summary>A merge as the API returns it.</summary>
internal sealed record MergeView(string MergeId, string SourceId, string TargetId, IReadOnlyList<MovedIdentifierView> MovedIdentifiers, string MergedBy, DateTimeOffset MergedAt)
{
    public static MergeView From(MemberMerge merge) => new(
        merge.MergeId,
        merge.Source.Value,
        merge.Target.Value,
        merge.MovedIdentifiers.Select(i => new MovedIdentifierView(IdentifierKinds.ToName(i.Kind), i.Value)).ToList(),
        merge.MergedBy,
        merge.MergedAt);
}
