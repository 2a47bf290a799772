using System.Text;
using UniRetail.Kernel;

namespace UniRetail.Members.Domain;

/// <summary>Phone numbers in E.164 (<c>+447700900123</c>), however the customer or the till wrote them.</summary>
internal static class PhoneNumbers
{
    public static Result<string> ToE164(string? raw, string defaultCallingCode, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return MembersErrors.BadPhone(raw, field);
        // "+44 (0)20 7946 0958": the bracketed trunk 0 is written for national callers and never dialled after the country code.
        var compact = Compact(raw.Trim().Replace("(0)", "", StringComparison.Ordinal));
        string digits;
        if (compact.StartsWith('+'))
            digits = compact[1..];
        else if (compact.StartsWith("00", StringComparison.Ordinal))
            digits = compact[2..];
        else if (compact.StartsWith('0'))
            digits = defaultCallingCode + compact[1..];
        // "447700900123": international digits typed without the + (forms that keep digits only). Only the default
        // country's code is read this way, and only at a full international length, so a short local number is not taken for one.
        else if (compact.StartsWith(defaultCallingCode, StringComparison.Ordinal) && compact.Length - defaultCallingCode.Length is >= 9 and <= 11)
            digits = compact;
        else
            return MembersErrors.BadPhone(raw, field);
        if (digits.Length is < 8 or > 15 || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
            return MembersErrors.BadPhone(raw, field);
        return "+" + digits;
    }

    public static bool IsCallingCode(string? code) =>
        code is { Length: >= 1 and <= 3 } && code[0] != '0' && code.All(char.IsAsciiDigit);

    private static string Compact(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
                compact.Append(c);
        }
        return compact.ToString();
    }
}
