using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>
/// Which events carry a person's identifiers in their traits or context, decided the way the projector reads them
/// (<see cref="ProfileEventReader"/>, then <see cref="IdentifierNormaliser"/>): by equality of normal forms, never by
/// substring, so erasing n@example.com leaves ann@example.com's events alone. The SQL in front of that decision only
/// narrows the rows to read, and never drops one that could carry an identifier (see <see cref="Patterns"/>).
/// </summary>
internal static class PersonEvents
{
    private static readonly IReadOnlySet<string> NoBlockedValues = new HashSet<string>();

    /// <summary>
    /// Patterns for <c>LOWER(column) LIKE … ESCAPE '\'</c>, one of which the traits or context of every event carrying one
    /// of <paramref name="held"/> matches — unless the column holds a backslash or text outside printable ASCII, where
    /// escapes and case folding can hide a value, and which the query reads whatever the patterns. Most normal forms appear
    /// verbatim in the text (ids are only trimmed, an e-mail only trimmed and lower-cased); a phone's does not
    /// ("07700 900123" is +447700900123), so for a phone any event with a "phone" key is read. User and anonymous ids live
    /// in the event's own columns, which erasure matches exactly.
    /// </summary>
    public static IReadOnlyList<string> Patterns(IEnumerable<Identifier> held) =>
        held.Select(i => i.Type switch
            {
                IdentifierType.UserId or IdentifierType.AnonymousId => null,
                IdentifierType.Phone => "%\"phone\"%",
                _ => $"%{Like(i.Value.ToLowerInvariant())}%",
            })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public static bool Carries(FeedRow row, IReadOnlySet<Identifier> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (var (type, raw) in ProfileEventReader.Read(row).Identifiers)
        {
            if (IdentifierNormaliser.Normalise(type, raw, NoBlockedValues) is { } identifier && held.Contains(identifier))
                return true;
        }
        return false;
    }

    private static string Like(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
