using UniRetail.Members.Domain;

namespace UniRetail.Members.Contracts;

/// <summary>
/// The members module's normal forms of an e-mail address and a phone number, for modules that must compare them the
/// same way (the data bank's identity graph): the same person typed two ways is one value.
/// </summary>
public static class ContactIdentifiers
{
    private static readonly MembersOptions Defaults = new();

    /// <summary>Trimmed and lower-cased, or null when it is not an e-mail address.</summary>
    public static string? Email(string? raw) => Normalise(IdentifierKind.Email, raw, Defaults);

    /// <summary>E.164 (national numbers read with <paramref name="options"/>' calling code, UK by default), or null.</summary>
    public static string? Phone(string? raw, MembersOptions? options = null) => Normalise(IdentifierKind.Phone, raw, options ?? Defaults);

    private static string? Normalise(IdentifierKind kind, string? raw, MembersOptions options) =>
        MemberIdentifier.Parse(kind, raw, options) is { IsSuccess: true } parsed ? parsed.Value.Value : null;
}
