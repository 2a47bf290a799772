using System.Text;

namespace UniRetail.Marketing.Identity;

/// <summary>
/// Turns raw identifier text into the form the graph compares: e-mails trimmed and lower-cased, phones in E.164, ids
/// trimmed. Junk values ("null", "0", "test@test.com" and the tenant's own blocked list) give null: they never join a profile.
/// </summary>
internal static class IdentifierNormaliser
{
    public const string DefaultCallingCode = "44";

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
            IdentifierType.Email => Email(raw),
            IdentifierType.Phone => Phone(raw),
            _ => raw.Trim(),
        };
        if (value is null || value.Length > 255 || value.Any(char.IsControl) || BuiltInBlocked.Contains(value.ToLowerInvariant()) || tenantBlocked.Contains(value))
            return null;
        return new Identifier(type, value);
    }

    private static string? Email(string raw)
    {
        var email = raw.Trim().ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace)
            ? email
            : null;
    }

    /// <summary>E.164: "+44 (0)20 7946 0958", "0044 20…" and national "020 7946 0958" (UK by default) all give +442079460958.</summary>
    private static string? Phone(string raw)
    {
        var compact = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim().Replace("(0)", "", StringComparison.Ordinal))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')' or '/'))
                compact.Append(c);
        }
        var text = compact.ToString();
        string digits;
        if (text.StartsWith('+'))
            digits = text[1..];
        else if (text.StartsWith("00", StringComparison.Ordinal))
            digits = text[2..];
        else if (text.StartsWith('0'))
            digits = DefaultCallingCode + text[1..];
        else
            return null;
        return digits.Length is >= 8 and <= 15 && digits[0] != '0' && digits.All(char.IsAsciiDigit) ? "+" + digits : null;
    }
}
