using System.Text.RegularExpressions;

namespace UniRetail.Kernel;

/// <summary>How messages quote what a caller sent: in single quotes, cut to a readable length.</summary>
public static partial class Echo
{
    /// <summary>The most characters of an input a message repeats.</summary>
    public const int MaxQuoted = 64;

    /// <summary>
    /// Cuts every quoted span (<c>'…'</c> opening at the start or after a space or bracket, so "key's" is no quote) longer
    /// than <see cref="MaxQuoted"/> characters, and any message beyond 1,000 characters.
    /// </summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxQuoted)
            return message;
        var shortened = LongQuote().Replace(message, m => $"'{m.Groups[1].Value.AsSpan(0, MaxQuoted - 1)}…'");
        return shortened.Length <= 1000 ? shortened : string.Concat(shortened.AsSpan(0, 999), "…");
    }

    [GeneratedRegex(@"(?<=^|[\s(\[{:=,])'([^']{65,})'(?=$|[\s.,;:)\]}])", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LongQuote();
}
