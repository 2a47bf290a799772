using UniRetail.Kernel;
using UniRetail.Members.Contracts;

namespace UniRetail.Members.Domain;

/// <summary>
/// An identifier in its one normalised form, so that the same person typed two ways (<c>07700 900123</c>,
/// <c>+44 7700 900123</c>) is found as one member.
/// </summary>
internal readonly record struct MemberIdentifier
{
    private const int MaxLength = 200;

    private MemberIdentifier(IdentifierKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public IdentifierKind Kind { get; }

    public string Value { get; }

    public static Result<MemberIdentifier> Parse(string? kind, string? value, MembersOptions options, string fieldPrefix = "") =>
        IdentifierKinds.Parse(kind, fieldPrefix + "kind").Then(k => Parse(k, value, options, fieldPrefix + "value"));

    public static Result<MemberIdentifier> Parse(IdentifierKind kind, string? value, MembersOptions options, string field = "value")
    {
        ArgumentNullException.ThrowIfNull(options);
        var normalised = kind switch
        {
            IdentifierKind.Phone => PhoneNumbers.ToE164(value, options.DefaultCountryCallingCode, field),
            IdentifierKind.Email => Email(value, field),
            IdentifierKind.LoyaltyCard => LoyaltyCard(value, field),
            IdentifierKind.Account => Account(value, field),
            IdentifierKind.External => External(value, field),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return normalised.Map(v => new MemberIdentifier(kind, v));
    }

    public static MemberIdentifier FromStored(string kind, string value) => new(IdentifierKinds.Parse(kind).Value, value);

    public override string ToString() => $"{IdentifierKinds.ToName(Kind)} {Value}";

    private static Result<string> Email(string? raw, string field)
    {
        var email = raw?.Trim().ToLowerInvariant();
        if (email is null or { Length: > 254 } || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return MembersErrors.BadEmail(raw, field);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@'))
            return MembersErrors.BadEmail(raw, field);
        var domain = email[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
            return MembersErrors.BadEmail(raw, field);
        return email;
    }

    private static Result<string> LoyaltyCard(string? raw, string field)
    {
        // Cards print their number in groups ("6012 3456-78"); the grouping is not part of the number.
        var card = new string((raw ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        return card.Length is >= 1 and <= 32 && card.All(char.IsAsciiLetterOrDigit)
            ? card
            : MembersErrors.BadLoyaltyCard(raw, field);
    }

    private static Result<string> Account(string? raw, string field)
    {
        var account = raw?.Trim();
        return string.IsNullOrEmpty(account) || account.Length > MaxLength || account.Any(char.IsControl)
            ? MembersErrors.BadAccount(raw, field)
            : account;
    }

    private static Result<string> External(string? raw, string field)
    {
        var colon = raw?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (raw is null || colon < 0)
            return MembersErrors.BadExternal(raw, field);
        var system = raw[..colon].Trim().ToLowerInvariant();
        var id = raw[(colon + 1)..].Trim();
        if (system.Length is 0 or > 64 || !system.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            return MembersErrors.BadExternal(raw, field);
        if (id.Length == 0 || system.Length + 1 + id.Length > MaxLength || id.Any(char.IsControl))
            return MembersErrors.BadExternal(raw, field);
        return $"{system}:{id}";
    }
}
