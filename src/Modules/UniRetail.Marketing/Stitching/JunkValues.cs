namespace UniRetail.Marketing.Stitching;

/// <summary>
/// Values tills, forms and SDKs send when they have no real identifier. Compared after normalisation; a tenant extends
/// the list with its own blocked values (identity rules).
/// </summary>
internal static class JunkValues
{
    /// <summary>The built-in list, as shown beside a tenant's own.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "null", "undefined", "none", "nil", "nan", "0", "-1", "unknown", "anonymous", "n/a", "na", "test", "[object object]",
        "00000000-0000-0000-0000-000000000000",
        // E-mails: what a cashier types to get past a required field, and the placeholders of form builders.
        "test@test.com", "test@example.com", "example@example.com", "email@example.com", "noreply@example.com", "a@a.com",
        "noemail@noemail.com", "nomail@nomail.com", "none@none.com", "no@email.com", "no@no.com", "na@na.com", "n/a@n/a.com",
        "email@email.com", "customer@customer.com", "unknown@unknown.com", "declined@declined.com", "notgiven@notgiven.com",
        "donotreply@email.com", "noreply@email.com", "nobody@nowhere.com", "x@x.com", "xx@xx.com", "xxx@xxx.com", "abc@abc.com",
        "asdf@asdf.com", "test@gmail.com", "noemail@gmail.com", "none@gmail.com",
        // Phones (E.164 after normalisation): runs of one digit and counting, as typed into required fields.
        "+440000000000", "+10000000000", "+441234567890", "+11234567890", "+447000000000", "+447123456789",
    };

    /// <summary>
    /// Local parts that name no mailbox whatever the domain (<c>noemail@gmail.com</c>, <c>declined@shop.co.uk</c>): the
    /// words a till or form puts there when the customer gives no address.
    /// </summary>
    private static readonly HashSet<string> PlaceholderMailboxes = new(StringComparer.Ordinal)
    {
        "noemail", "no-email", "no.email", "no_email", "nomail", "no-mail", "none", "no", "na", "n/a", "nil", "null",
        "noaddress", "notgiven", "not.given", "notprovided", "declined", "refused", "unknown", "donotreply", "do-not-reply", "noreply",
        "no-reply", "customer", "test", "dummy", "fake", "xxx", "xx", "x",
    };

    public static bool IsJunk(IdentifierType type, string value)
    {
        if (BuiltIn.Contains(value.ToLowerInvariant()))
            return true;
        return type switch
        {
            IdentifierType.Email => PlaceholderMailboxes.Contains(value[..value.IndexOf('@', StringComparison.Ordinal)]),
            IdentifierType.Phone => IsPlaceholderPhone(value),
            _ => false,
        };
    }

    /// <summary>A number whose subscriber digits (after the country code) are all one digit, as <c>07777 777777</c> or <c>0000000000</c>.</summary>
    private static bool IsPlaceholderPhone(string e164)
    {
        var tail = e164.Length > 8 ? e164[^8..] : e164[1..];
        return tail.All(c => c == tail[0]);
    }
}
