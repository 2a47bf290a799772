using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>
/// Whether an incoming event names an erased person: by any identifier the projector would read from it (ids, and the
/// e-mail, phone, member id, loyalty card, payment account or device id in its traits and context), or its alias's previous id.
/// </summary>
internal static class ErasedIdentifiers
{
    private static readonly IReadOnlySet<string> NoBlockedValues = new HashSet<string>();

    public static bool Names(TrackedEvent e, string sourceId, Func<Identifier, bool> suppressed)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(suppressed);
        foreach (var (type, raw) in ProfileEventReader.IdentifiersOf(e, sourceId))
        {
            if (Is(type, raw, suppressed))
                return true;
        }
        return Is(IdentifierType.AnonymousId, e.PreviousId, suppressed) || Is(IdentifierType.UserId, e.PreviousId, suppressed);
    }

    private static bool Is(IdentifierType type, string? raw, Func<Identifier, bool> suppressed) =>
        IdentifierNormaliser.Normalise(type, raw, NoBlockedValues) is { } identifier && suppressed(identifier);
}
