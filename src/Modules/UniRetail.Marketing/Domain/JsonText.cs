using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace UniRetail.Marketing.Domain;

/// <summary>
/// Whether JSON text is valid Unicode, and repairing stored JSON that is not. System.Text.Json parses invalid UTF-8 inside
/// strings and <c>\uD800</c>–<c>\uDFFF</c> escapes that are not a high+low pair, then throws when the text is read or
/// written again; PostgreSQL's JSON operators refuse such escapes. Ingestion refuses them, readers replace them with U+FFFD.
/// </summary>
internal static class JsonText
{
    private static ReadOnlySpan<byte> Replacement => @"\uFFFD"u8;

    /// <summary>Valid UTF-8 with every surrogate escape in a high+low pair; linear, vectorised where the runtime can.</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8Json) => Utf8.IsValid(utf8Json) && NextUnpairedEscape(utf8Json, 0) < 0;

    /// <summary>
    /// Where in <paramref name="element"/> (a valid JSON value) the invalid text is, as a field path (<c>properties.items[2].name</c>);
    /// <c>InName</c> when it is a property name of the object at that path. Null when all of it is valid.
    /// </summary>
    public static (string Path, bool InName)? FindInvalid(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValid(JsonMarshal.GetRawUtf8PropertyName(property)))
                        return (path, true);
                    if (FindInvalid(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } found)
                        return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalid(item, $"{path}[{index++}]") is { } found)
                        return found;
                }
                return null;
            case JsonValueKind.String:
                return IsValid(JsonMarshal.GetRawUtf8Value(element)) ? null : (path, false);
            default:
                return null;
        }
    }

    /// <summary>
    /// Stored JSON as UTF-8 that reads back: a lone surrogate character becomes U+FFFD (the encoder's replacement) and so
    /// does every unpaired surrogate escape, rewritten in place (<c>\uFFFD</c> is as long as the escape it replaces).
    /// </summary>
    public static byte[] Repaired(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var at = NextUnpairedEscape(bytes, 0); at >= 0; at = NextUnpairedEscape(bytes, at + Replacement.Length))
            Replacement.CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>A stored JSON column as an element that serialises again whatever text it holds.</summary>
    public static JsonElement ReadStored(string json)
    {
        using var document = JsonDocument.Parse(Repaired(json));
        return document.RootElement.Clone();
    }

    public static T? Deserialize<T>(string json, JsonSerializerOptions? options = null) => JsonSerializer.Deserialize<T>(Repaired(json), options);

    /// <summary>
    /// The offset of the first <c>\uXXXX</c> escape at or after <paramref name="from"/> (an escape boundary) that is half a
    /// surrogate pair on its own, or -1. Backslashes only occur in JSON strings, so no string state is needed.
    /// </summary>
    private static int NextUnpairedEscape(ReadOnlySpan<byte> json, int from)
    {
        var i = from;
        while (i < json.Length)
        {
            var slash = json[i..].IndexOf((byte)'\\');
            if (slash < 0)
                return -1;
            i += slash;
            if (!TryEscapedUnit(json, i, out var unit))
            {
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate(unit))
            {
                if (!(TryEscapedUnit(json, i + 6, out var low) && char.IsLowSurrogate(low)))
                    return i;
                i += 12;
            }
            else if (char.IsLowSurrogate(unit))
                return i;
            else
                i += 6;
        }
        return -1;
    }

    private static bool TryEscapedUnit(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u')
            return false;
        var value = 0;
        foreach (var digit in json.Slice(at + 2, 4))
        {
            var nibble = HexValue(digit);
            if (nibble < 0)
                return false;
            value = (value << 4) | nibble;
        }
        unit = (char)value;
        return true;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
