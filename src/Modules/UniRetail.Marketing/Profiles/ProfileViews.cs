using System.Text.Json;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// An identifier of a profile and why it is there: <c>attachedBy</c> is the rule (<c>new_profile</c>, <c>linked</c>,
/// <c>alias</c>, <c>recycled_phone</c>), <c>messageId</c> the event that attached it, <c>joinId</c> the join to undo (null when it
/// started the profile), <c>shared</c> whether it is shared by several people (it links nothing), and <c>sharedBy</c> the
/// event that showed it (null when the tenant declared it). Rows older than explanations have null <c>attachedBy</c>.
/// </summary>
internal sealed record IdentifierView(string Type, string Value, string SourceId, DateTimeOffset FirstSeen)
{
    public string? AttachedBy { get; init; }
    public string? MessageId { get; init; }
    public string? JoinId { get; init; }
    public bool Shared { get; init; }
    public string? SharedBy { get; init; }

    public static IdentifierView From(IdentityRow row) => new(row.IdType, row.IdValue, row.SourceId, DateTimeOffset.FromUnixTimeMilliseconds(row.FirstSeenMs))
    {
        AttachedBy = row.AttachedBy,
        MessageId = row.MessageId,
        JoinId = row.JoinId,
    };
}

/// <summary>A join: identifiers an event (<c>messageId</c>) attached to an existing profile through <c>link</c>; once undone, <c>keptApart</c> names the two profiles.</summary>
internal sealed record JoinView(
    string JoinId, string ProfileId, string Rule, IdentifierLink? Link, long EventSeq, string MessageId, DateTimeOffset At, IReadOnlyList<IdentifierLink> Identifiers,
    DateTimeOffset? UndoneAt, IReadOnlyList<string>? KeptApart)
{
    public static JoinView From(JoinRow row) => new(
        row.JoinId, row.ProfileId, row.Rule, row.Link is { } link ? new IdentifierLink(link.TypeName, link.Value) : null, row.EventSeq, row.MessageId,
        DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs), row.Identifiers.Select(i => new IdentifierLink(i.TypeName, i.Value)).ToList(),
        row.UndoneAtMs is { } undone ? DateTimeOffset.FromUnixTimeMilliseconds(undone) : null,
        row.KeptApart is var (one, other) ? [one, other] : null);
}

internal sealed record IdentifierLink(string Type, string Value);

internal sealed record TraitView(JsonElement Value, DateTimeOffset At, string SourceId);

internal sealed record ConsentView(string Purpose, bool Granted, bool Recorded, DateTimeOffset? At, string? SourceId);

internal sealed record RevenueView(string Currency, decimal Amount);

/// <summary>The computed figures, kept current by the projector.</summary>
internal sealed record AggregatesView(
    DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, long Events, long Orders, long Refunds, long Cancellations,
    IReadOnlyList<RevenueView> Revenue, DateTimeOffset? LastPurchase, string? FavouriteStore, IReadOnlyList<string> Channels);

/// <summary>
/// One person. <c>withheld</c> names the parts a marketer may not see because the person did not consent (traits need
/// personalisation, aggregates and the timeline need analytics); admins, who answer access requests, see everything.
/// </summary>
internal sealed record ProfileView(
    string ProfileId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> MemberIds,
    IReadOnlyList<IdentifierView> Identifiers,
    IReadOnlyDictionary<string, TraitView>? Traits,
    AggregatesView? Aggregates,
    IReadOnlyList<ConsentView> Consent,
    IReadOnlyList<string> MergedProfiles,
    IReadOnlyList<string> Withheld);

/// <summary>A merge; once undone, <c>keptApart</c> names the two profiles that identity resolution will never merge again.</summary>
internal sealed record MergeView(
    string MergeId, string KeptProfileId, string MergedProfileId, string LinkType, string LinkValue, long EventSeq, DateTimeOffset At,
    IReadOnlyList<IdentifierView> Identifiers, DateTimeOffset? UndoneAt, IReadOnlyList<string>? KeptApart)
{
    public static MergeView From(MergeRow row) => new(
        row.MergeId, row.KeptProfileId, row.MergedProfileId, row.LinkType, row.LinkValue, row.EventSeq, DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs),
        IdentifierJson.Read(row.Identifiers).Select(i => new IdentifierView(i.TypeName, i.Value, "", DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs))).ToList(),
        row.UndoneAtMs is { } undone ? DateTimeOffset.FromUnixTimeMilliseconds(undone) : null,
        row is { ApartProfileId: { } one, ApartOtherId: { } other } ? [one, other] : null);
}

internal sealed record ProfileSummary(string ProfileId);

/// <summary>Everything held about a person, for an access request (GDPR article 15): their profile, merges, joins and every event.</summary>
internal sealed record PersonExport(DateTimeOffset ExportedAt, ProfileView? Profile, IReadOnlyList<MergeView> Merges, IReadOnlyList<EventView> Events)
{
    public IReadOnlyList<JoinView> Joins { get; init; } = [];
}

internal static class ConsentViews
{
    public static IReadOnlyList<ConsentView> Of(ProfileState state) =>
        ConsentPurposes.All.Select(p => state.Consent.TryGetValue(p, out var c)
            ? new ConsentView(ConsentPurposes.ToName(p), c.Granted, true, DateTimeOffset.FromUnixTimeMilliseconds(c.AtMs), c.SourceId)
            : new ConsentView(ConsentPurposes.ToName(p), ConsentPurposes.DefaultFor(p), false, null, null)).ToList();
}
