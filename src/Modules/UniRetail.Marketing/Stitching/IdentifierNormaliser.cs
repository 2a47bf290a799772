using UniRetail.Members.Contracts;

namespace UniRetail.Marketing.Stitching;

/// <summary>
/// Turns raw identifier text into the form the graph compares: e-mails and phones as the members module writes them
/// (lower case; E.164, national numbers as UK), ids trimmed. Junk values ("null", "0", "test@test.com" and the tenant's own blocked list) give null: they never join a profile.
/// </summary>
internal static class IdentifierNormaliser
{
    /// <summary>Values that clients send when they have no real identifier; no person may be stitched by them.</summary>
    public static readonly IReadOnlySet<string> BuiltInBlocked = new HashSet<string>(StringComparer.Ordinal)
    {
        "null", "undefined", "none", "nil", "nan", "0", "-1", "unknown", "anonymous", "n/a", "na", "test", "[object object]",
        "test@test.com", "test@example.com", "example@example.com", "email@example.com", "noreply@example.com", "a@a.com",
        "+440000000000", "+10000000000", "00000000-0000-0000-0000-000000000000",
    };

    public static Identifier? Normalise(IdentifierType type, string? raw, IReadOnlySet<string> tenantBlocked)
    {
        ArgumentNullException.ThrowIfNull(tenantBlocked);
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var value = type switch
        {
            IdentifierType.Email => ContactIdentifiers.Email(raw),
            IdentifierType.Phone => ContactIdentifiers.Phone(raw),
            _ => raw.Trim(),
        };
        if (value is null || value.Length > 255 || value.Any(char.IsControl) || BuiltInBlocked.Contains(value.ToLowerInvariant()) || tenantBlocked.Contains(value))
            return null;
        return new Identifier(type, value);
    }
}
