namespace UniRetail.Server.Tests.Infrastructure;

public static class Texts
{
    /// <summary>The text, or its first <paramref name="length"/> characters and how long it was: failure messages stay readable.</summary>
    public static string Cut(this string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : $"{text[..length]}… ({text.Length:N0} characters)";
    }
}
