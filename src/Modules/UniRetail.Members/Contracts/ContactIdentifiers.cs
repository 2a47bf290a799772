using UniRetail.Members.Domain;

namespace UniRetail.Members.Contracts;

/// <summary>
/// The members module's canonical forms of every identifier it knows, for modules that must compare them the same way
/// (the data bank's identity graph): the same person typed two ways is one value. The members module registers and
/// looks members up through the same code, so a value in canonical form here finds the member there.
/// </summary>
public static class ContactIdentifiers
{
    private static readonly MembersOptions Defaults = new();

    /// <summary>Trimmed and lower-cased, or null when it is not an e-mail address.</summary>
    public static string? Email(string? raw) => Normalise(IdentifierKind.Email, raw, Defaults);

    /// <summary>
    /// E.164, or null. Read: <c>+44 7700 900123</c>, <c>0044 7700 900123</c>, <c>+44 (0)7700 900123</c>, national numbers with their
    /// trunk 0 (<c>07700-900-123</c>, read with <paramref name="options"/>' calling code, UK by default) and the international
    /// digits without a <c>+</c> (<c>447700900123</c>, the default calling code only).
    /// </summary>
    public static string? Phone(string? raw, MembersOptions? options = null) => Normalise(IdentifierKind.Phone, raw, options ?? Defaults);

    /// <summary>A loyalty card number as printed or typed (<c>6012 0000 0009</c>, <c>6012-0000-0009</c>) in its scanned form (<c>601200000009</c>), or null.</summary>
    public static string? LoyaltyCard(string? raw) => Normalise(IdentifierKind.LoyaltyCard, raw, Defaults);

    /// <summary>
    /// The member id <paramref name="raw"/> names (<c>mem_</c> and 32 hex digits, any case, trimmed), or null when it is not one: a
    /// source that uses member ids as its own user ids names the member.
    /// </summary>
    public static string? MemberId(string? raw)
    {
        var id = raw?.Trim().ToLowerInvariant();
        return id is { Length: 36 } && id.StartsWith("mem_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower) ? id : null;
    }

    private static string? Normalise(IdentifierKind kind, string? raw, MembersOptions options) =>
        MemberIdentifier.Parse(kind, raw, options) is { IsSuccess: true } parsed ? parsed.Value.Value : null;
}
