using UniRetail.Members.Contracts;

namespace UniRetail.Marketing.Stitching;

/// <summary>
/// Turns raw identifier text into the form the graph compares, which for e-mails, phones, loyalty cards and member ids
/// is the members module's canonical form (<see cref="ContactIdentifiers"/>); other ids are trimmed. Junk gives null:
/// it never joins a profile (see <see cref="JunkValues"/> and the tenant's own blocked list).
/// </summary>
internal static class IdentifierNormaliser
{
    public static IReadOnlySet<string> BuiltInBlocked => JunkValues.BuiltIn;

    public static Identifier? Normalise(IdentifierType type, string? raw, IReadOnlySet<string> tenantBlocked)
    {
        ArgumentNullException.ThrowIfNull(tenantBlocked);
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var value = type switch
        {
            IdentifierType.Email => ContactIdentifiers.Email(raw),
            IdentifierType.Phone => ContactIdentifiers.Phone(raw),
            IdentifierType.LoyaltyCard => ContactIdentifiers.LoyaltyCard(raw),
            IdentifierType.MemberId => ContactIdentifiers.MemberId(raw) ?? raw.Trim(),
            _ => raw.Trim(),
        };
        if (value is null || value.Length > 255 || value.Any(char.IsControl) || JunkValues.IsJunk(type, value) || tenantBlocked.Contains(value))
            return null;
        return new Identifier(type, value);
    }
}
