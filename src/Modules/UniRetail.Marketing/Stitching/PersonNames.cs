using System.Text;
using System.Text.Json;

namespace UniRetail.Marketing.Stitching;

/// <summary>
/// First names as evidence that two people are two: "Alice Smith" and "Bob Smith" behind one family address are not one
/// person. Read from the traits <c>firstName</c> / <c>first_name</c>, else the first word of <c>name</c>; compared without
/// case, punctuation or the accents of Latin letters. Two names conflict only when both are known and neither starts the other ("Rob" and
/// "Robert" do not; "Bob" and "Robert" do, which splits the rare person who goes by both). Names never join anything.
/// </summary>
internal static class PersonNames
{
    private static readonly string[] FirstNameTraits = ["firstName", "first_name"];

    // The host runs with invariant globalization (no ICU), where string.Normalize does not decompose accents, so the
    // Latin letters of U+00C0–U+017F are folded to their base letter by table: 'É' and 'é' read 'e', 'Ł' reads 'l'.
    private const char FoldFrom = '\u00C0';
    private const string Folded =
        "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>The first name among traits given as JSON text per trait (an event's, or a profile's current ones).</summary>
    public static string? FirstName(Func<string, string?> traitJson)
    {
        ArgumentNullException.ThrowIfNull(traitJson);
        foreach (var trait in FirstNameTraits)
        {
            if (Normalise(Text(traitJson(trait))) is { } first)
                return first;
        }
        return Text(traitJson("name")) is { } name ? Normalise(name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()) : null;
    }

    public static bool Conflict(string? one, string? other) =>
        one is not null && other is not null && !one.StartsWith(other, StringComparison.Ordinal) && !other.StartsWith(one, StringComparison.Ordinal);

    private static string? Text(string? json)
    {
        if (json is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Normalise(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
            return null;
        var letters = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var folded = c >= FoldFrom && c - FoldFrom < Folded.Length ? Folded[c - FoldFrom] : char.ToLowerInvariant(c);
            if (char.IsLetter(folded))
                letters.Append(folded);
        }
        // An initial ("J.") says too little to tell two people apart.
        return letters.Length > 1 ? letters.ToString() : null;
    }
}
