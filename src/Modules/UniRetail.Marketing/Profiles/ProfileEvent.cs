using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Profiles;

/// <summary>A consent choice: granted or not, when, and which source said so.</summary>
internal sealed record ConsentChoice(bool Granted, long AtMs, string SourceId);

/// <summary>A trait value as raw JSON, with the event time it was set and the source that set it.</summary>
internal sealed record TraitValue(string Json, long AtMs, string SourceId);

/// <summary>
/// An event of the bank read for profiles: the identifiers it names (raw, not yet normalised), the traits it sets, and
/// the commerce and consent facts it carries. Built by <see cref="ProfileEventReader"/>; no I/O.
/// </summary>
internal sealed record ProfileEvent(
    long Seq,
    string SourceId,
    string Channel,
    string? LocationId,
    string Type,
    string? Name,
    long TimestampMs,
    IReadOnlyList<(IdentifierType Type, string Raw)> Identifiers,
    string? AliasOf,
    IReadOnlyDictionary<string, string> Traits,
    Purchase? Purchase,
    IReadOnlyDictionary<ConsentPurpose, bool> Consent)
{
    /// <summary>The message id the source gave the event: what explanations name.</summary>
    public string MessageId { get; init; } = "";
}

/// <summary>What an e-commerce spec event says about money: an order completed, refunded or cancelled.</summary>
internal sealed record Purchase(PurchaseKind Kind, decimal? Amount, string? Currency);

internal enum PurchaseKind
{
    Completed,
    Refunded,
    Cancelled,
}
