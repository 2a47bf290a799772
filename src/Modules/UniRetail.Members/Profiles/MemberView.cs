using UniRetail.Members.Domain;
using UniRetail.Members.Persistence;
using UniRetail.Members.Registration;

namespace UniRetail.Members.Profiles;

/// <summary>An identifier as the API returns it.</summary>
internal sealed record IdentifierView(string Kind, string Value, DateTimeOffset AddedAt)
{
    public static IdentifierView From(MemberIdentifier identifier, DateTimeOffset addedAt) =>
        new(IdentifierKinds.ToName(identifier.Kind), identifier.Value, addedAt);

    public static IdentifierView From(HeldIdentifier held) => From(held.Identifier, held.AddedAt);
}

/// <summary>
/// A member as the API returns it. <c>ResolvedFrom</c> is the id that was asked for when that member has been merged
/// into this one; null when the id asked for is this member's own.
/// </summary>
internal sealed record MemberView(string Id, string? DisplayName, string Status, DateTimeOffset CreatedAt, IReadOnlyList<IdentifierView> Identifiers, string? ResolvedFrom)
{
    public static MemberView From(Member member, IEnumerable<IdentifierView> identifiers, string? resolvedFrom = null) => new(
        member.Id.Value, member.DisplayName, member.Status.ToString().ToLowerInvariant(), member.CreatedAt, identifiers.ToList(), resolvedFrom);

    public static MemberView From(NewMember registered) =>
        From(registered.Member, registered.Identifiers.Select(i => IdentifierView.From(i.Identifier, registered.Member.CreatedAt)));
}
