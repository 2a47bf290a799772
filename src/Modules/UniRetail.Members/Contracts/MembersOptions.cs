namespace UniRetail.Members.Contracts;

/// <summary>How the members module reads what people type.</summary>
public sealed record MembersOptions
{
    /// <summary>
    /// The country calling code (digits, no <c>+</c>) a national phone number with a leading 0 belongs to, such as
    /// <c>44</c> for <c>07700 900123</c>. Numbers written with <c>+</c> or <c>00</c> carry their own.
    /// </summary>
    public string DefaultCountryCallingCode { get; init; } = "44";
}
