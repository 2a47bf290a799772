namespace UniRetail.Marketing.Stitching;

/// <summary>Kinds of identifier the identity graph stitches, from the strongest (a login) to the weakest (a cookie).</summary>
internal enum IdentifierType
{
    UserId,
    MemberId,
    Email,
    Phone,
    LoyaltyCard,
    PaymentAccount,
    DeviceId,
    AnonymousId,
}

internal static class IdentifierTypes
{
    public static readonly IReadOnlyList<IdentifierType> All = Enum.GetValues<IdentifierType>();

    public static string ToName(IdentifierType type) => type switch
    {
        IdentifierType.UserId => "user_id",
        IdentifierType.MemberId => "member_id",
        IdentifierType.Email => "email",
        IdentifierType.Phone => "phone",
        IdentifierType.LoyaltyCard => "loyalty_card",
        IdentifierType.PaymentAccount => "payment_account",
        IdentifierType.DeviceId => "device_id",
        IdentifierType.AnonymousId => "anonymous_id",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out IdentifierType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(ToName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>
    /// Personal identifiers: one person's own (an account, a membership, a loyalty card). Two different values of one of
    /// these types are two people; e-mails, phones, devices and cookies may be shared, and are judged by the personal
    /// identifiers they are seen with.
    /// </summary>
    public static bool IsPersonal(IdentifierType type) => type is IdentifierType.UserId or IdentifierType.MemberId or IdentifierType.LoyaltyCard;

    /// <summary>A browser cookie or an install: it names a device, not a person.</summary>
    public static bool IsWeak(IdentifierType type) => type is IdentifierType.DeviceId or IdentifierType.AnonymousId;

    /// <summary>Types whose values appear in an event's own <c>userId</c> / <c>anonymousId</c> columns, so a timeline can find them.</summary>
    public static bool IsUserColumn(IdentifierType type) => type is IdentifierType.UserId or IdentifierType.MemberId;
}
