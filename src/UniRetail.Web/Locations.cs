using System.Text;

namespace UniRetail.Web;

/// <summary>Location headers built from ids: anything outside printable ASCII is percent-encoded, so a header never fails after a write committed.</summary>
public static class Locations
{
    public static string Safe(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.All(c => c is > ' ' and < (char)127))
            return location;
        var safe = new StringBuilder(location.Length * 3);
        foreach (var rune in location.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 127)
                safe.Append((char)rune.Value);
            else
                safe.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return safe.ToString();
    }
}
