namespace UniRetail.Bench.Accuracy;

/// <summary>How people and tills write the same identifier.</summary>
internal static class Spellings
{
    /// <summary>Spellings every version of the data bank reads (0–3), and those it did not (4–7).</summary>
    public const int Common = 4;
    public const int All = 8;

    /// <summary><paramref name="e164"/> is <c>+447…</c> (a UK mobile).</summary>
    public static string Phone(string e164, int style)
    {
        var national = e164[3..];
        return style switch
        {
            0 => $"+44 {national[..4]} {national[4..]}",
            1 => $"0{national[..4]} {national[4..]}",
            2 => "0" + national,
            3 => e164,
            4 => "44" + national,
            5 => $"0044 {national[..4]} {national[4..]}",
            6 => $"+44 (0){national[..4]} {national[4..]}",
            7 => $"0{national[..4]}-{national[4..7]}-{national[7..]}",
            _ => throw new ArgumentOutOfRangeException(nameof(style)),
        };
    }

    /// <summary>A card as printed on it and typed into a web form: groups of four, with spaces or dashes.</summary>
    public static string TypedCard(string card, bool dashes) =>
        string.Join(dashes ? "-" : " ", Enumerable.Range(0, card.Length / 4).Select(i => card.Substring(i * 4, 4)));

    /// <summary>An e-mail as forms send it: as typed (a capital first letter), or with a stray space.</summary>
    public static string Email(string email, int style) => style switch
    {
        0 => email,
        1 => char.ToUpperInvariant(email[0]) + email[1..],
        _ => " " + email + " ",
    };

    /// <summary>What tills and forms put in the e-mail field when the customer gives none.</summary>
    public static readonly string[] PlaceholderEmails =
    [
        "noemail@noemail.com", "none@none.com", "no@email.com", "noemail@gmail.com", "na@na.com", "nomail@nomail.com", "no@no.com",
        "donotreply@email.com", "declined@declined.com", "unknown@unknown.com", "notgiven@notgiven.com", "customer@customer.com",
    ];
}
