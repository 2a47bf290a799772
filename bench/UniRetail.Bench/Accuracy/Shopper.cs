namespace UniRetail.Bench.Accuracy;

/// <summary>The hard case a shopper belongs to (each shopper belongs to at most one), or <see cref="None"/> for an ordinary shopper.</summary>
internal enum HardCase
{
    None,
    HouseholdEmail,
    RecycledPhone,
    JointPaymentCard,
    SharedStoreIpad,
    SharedFamilyLaptop,
    UserIdIsMemberId,
    CardTypedWithSpaces,
    PhoneSpellings,
    PlaceholderEmail,
    AliasedUserIds,
}

internal static class HardCases
{
    public static string Describe(HardCase c) => c switch
    {
        HardCase.None => "ordinary shoppers",
        HardCase.HouseholdEmail => "a household e-mail shared by several people",
        HardCase.RecycledPhone => "a phone number recycled to a new owner",
        HardCase.JointPaymentCard => "a joint payment card",
        HardCase.SharedStoreIpad => "a shared store iPad (one anonymous id and device id)",
        HardCase.SharedFamilyLaptop => "a shared family laptop",
        HardCase.UserIdIsMemberId => "userId = their member id",
        HardCase.CardTypedWithSpaces => "a loyalty card typed with spaces as printed",
        HardCase.PhoneSpellings => "one phone in several spellings (447…, 0044 …, +44 (0)…)",
        HardCase.PlaceholderEmail => "a placeholder e-mail at the till (noemail@noemail.com, …)",
        HardCase.AliasedUserIds => "a new user id aliased to the old one",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}

/// <summary>
/// One labelled person of the synthetic population. <see cref="Records"/> are the identifiers that are theirs alone, in the
/// data bank's normal form: the labelled set the read-back is scored on. Identifiers several people share (a family
/// e-mail, a store iPad, a joint card, a recycled phone, placeholder e-mails) are never records.
/// </summary>
internal sealed class Shopper(int number, HardCase hardCase, string firstName, string lastName)
{
    public int Number { get; } = number;
    public HardCase Case { get; } = hardCase;
    public string FirstName { get; } = firstName;
    public string LastName { get; } = lastName;
    public string Name => $"{FirstName} {LastName}";

    public string? Email { get; set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; set; }
    /// <summary>As the till scans it: digits only.</summary>
    public string? Card { get; set; }
    public string? UserId { get; set; }
    public string? MemberId { get; set; }
    public bool IsMember { get; set; }
    /// <summary>The web account is registered on the member record (kind account).</summary>
    public bool AccountOnMember { get; set; }

    public HashSet<(string Type, string Value)> Records { get; } = [];

    public void Owns(string type, string? value)
    {
        if (value is not null)
            Records.Add((type, value));
    }
}
