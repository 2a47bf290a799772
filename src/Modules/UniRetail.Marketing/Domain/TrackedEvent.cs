using UniRetail.Kernel;

namespace UniRetail.Marketing.Domain;

/// <summary>
/// One event ready for the bank: validated, with its timestamp resolved and its JSON parts kept as text. The source
/// (tenant, source id, kind, store) is stamped on by whoever writes it.
/// </summary>
internal sealed record TrackedEvent(
    string MessageId,
    string Type,
    string? Event,
    string? Name,
    string? UserId,
    string? AnonymousId,
    string? PreviousId,
    string? GroupId,
    DateTimeOffset Timestamp,
    string? Properties,
    string? Traits,
    string? Context);

/// <summary>Where an event came from: stamped on every stored event.</summary>
internal sealed record EventOrigin(TenantId Tenant, string SourceId, SourceKind Kind, string? LocationId);
