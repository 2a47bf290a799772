using System.Text;
using System.Text.Json.Nodes;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// A value the fuzzer puts where a valid one was: a JSON value, or raw bytes for what a JSON library will not write
/// (a lone surrogate escape, bytes that are not UTF-8, a number beyond a double, nesting deeper than any parser allows).
/// </summary>
public sealed record BadValue(string Label, JsonNode? Node, byte[]? Raw = null)
{
    public static BadValue Json(string label, JsonNode? node) => new(label, node);

    public static BadValue Text(string label, string rawJson) => new(label, null, Encoding.UTF8.GetBytes(rawJson));

    public static BadValue Bytes(string label, params byte[][] parts) => new(label, null, parts.SelectMany(p => p).ToArray());

    public override string ToString() => Label;
}

/// <summary>The catalogue of bad values, by what they try: JSON kinds, extremes, Unicode, sizes, nesting, path and query text.</summary>
public static class BadValues
{
    /// <summary>One value of each JSON kind; the fuzzer sends those the schema does not take.</summary>
    public static IReadOnlyList<(string Kind, BadValue Value)> OfEveryKind { get; } =
    [
        ("string", BadValue.Json("the string \"1\"", "1")),
        ("number", BadValue.Json("the number 1", 1)),
        ("integer", BadValue.Json("the fraction 1.5", 1.5)),
        ("boolean", BadValue.Json("true", true)),
        ("array", BadValue.Json("an array", new JsonArray(1, "a"))),
        ("object", BadValue.Json("an object", new JsonObject { ["a"] = 1 })),
    ];

    public static BadValue Null { get; } = BadValue.Json("null", null);

    public static IReadOnlyList<BadValue> Numbers { get; } =
    [
        BadValue.Json("0", 0), BadValue.Json("-1", -1), BadValue.Json("int.MinValue", int.MinValue), BadValue.Json("int.MaxValue", int.MaxValue),
        BadValue.Json("int.MaxValue + 1", 2147483648L), BadValue.Json("int.MinValue - 1", -2147483649L), BadValue.Json("2^53 + 1", 9007199254740993L),
        BadValue.Json("long.MaxValue", long.MaxValue), BadValue.Text("long.MaxValue + 1", "9223372036854775808"), BadValue.Text("-long.MaxValue - 2", "-9223372036854775809"),
        BadValue.Json("1e308", 1e308), BadValue.Json("-1e308", -1e308), BadValue.Json("5e-324", 5e-324), BadValue.Text("1e400", "1e400"), BadValue.Text("-1e400", "-1e400"),
        BadValue.Json("0.1", 0.1), BadValue.Text("92233720368547758.08", "92233720368547758.08"), BadValue.Text("30 decimal places", "0.000000000000000000000000000001"),
        BadValue.Text("1 and 28 decimal places", "1.0000000000000000000000000001"), BadValue.Text("a 40-digit number", "1234567890123456789012345678901234567890.123456789"),
        BadValue.Json("100,000", 100_000), BadValue.Json("100,001", 100_001), BadValue.Json("1,000,000,001", 1_000_000_001), BadValue.Json("100,000,000,001", 100_000_000_001L),
        BadValue.Text("-0", "-0"), BadValue.Text("1E+2", "1E+2"), BadValue.Text("NaN", "NaN"), BadValue.Text("Infinity", "Infinity"), BadValue.Text("0x10", "0x10"),
        BadValue.Text("+1", "+1"), BadValue.Text("01", "01"), BadValue.Text("1.", "1."),
    ];

    /// <summary>What the sweep puts in every field that takes text: what PostgreSQL cannot store, or UTF-16 cannot hold.</summary>
    public static IReadOnlyList<BadValue> TextEveryStringGets { get; } =
    [
        BadValue.Json("a NUL", "a\0b"), BadValue.Text("a lone high surrogate escape", "\"\\ud800\""),
        BadValue.Bytes("the byte 0xFF", "\"a"u8.ToArray(), [0xFF], "b\""u8.ToArray()),
    ];

    public static IReadOnlyList<BadValue> Strings { get; } =
    [
        .. TextEveryStringGets,
        BadValue.Json("\"\"", ""), BadValue.Json("spaces", "   "), BadValue.Json("a tab and a newline", "\t\n"), BadValue.Json("\"null\"", "null"),
        BadValue.Json("control characters", "\u0001\u0008\u001b\u001f\u007f"), BadValue.Json("RTL override", "\u202Egpj.exe\u202C"),
        BadValue.Json("RTL and LTR marks", "\u200Fabc\u200E"), BadValue.Json("zero-width space", "a\u200Bb"), BadValue.Json("a BOM", "\uFEFFabc"),
        BadValue.Json("emoji", "🛒😀👩‍👩‍👧"), BadValue.Json("combining marks", "e" + string.Concat(Enumerable.Repeat("\u0301", 500))),
        BadValue.Json("U+FFFF", "\uFFFF"), BadValue.Json("a valid surrogate pair", "\ud83d\ude00"), BadValue.Json("CJK", "日本語の商品"),
        BadValue.Text("a lone low surrogate escape", "\"\\udc00\""),
        BadValue.Text("a lone surrogate escape inside text", "\"ab\\ud83dcd\""), BadValue.Text("reversed surrogate escapes", "\"\\ude00\\ud83d\""),
        BadValue.Bytes("an overlong '/'", "\""u8.ToArray(), [0xC0, 0xAF], "\""u8.ToArray()),
        BadValue.Bytes("a UTF-8 encoded surrogate", "\""u8.ToArray(), [0xED, 0xA0, 0x80], "\""u8.ToArray()),
        BadValue.Bytes("a code point beyond U+10FFFF", "\""u8.ToArray(), [0xF4, 0x90, 0x80, 0x80], "\""u8.ToArray()),
        BadValue.Bytes("a truncated sequence", "\"a"u8.ToArray(), [0xC3], "\""u8.ToArray()), BadValue.Bytes("a raw NUL", "\"a"u8.ToArray(), [0x00], "b\""u8.ToArray()),
        BadValue.Bytes("a raw newline", "\"a\nb\""u8.ToArray()), BadValue.Bytes("emoji as raw UTF-8", "\""u8.ToArray(), Encoding.UTF8.GetBytes("🛒😀"), "\""u8.ToArray()),
        BadValue.Bytes("an RTL override as raw UTF-8", "\""u8.ToArray(), Encoding.UTF8.GetBytes("\u202Egpj.exe"), "\""u8.ToArray()),
        BadValue.Json("SQL", "x'; DROP TABLE orders_order; --"), BadValue.Json("LIKE wildcards", "%_%"), BadValue.Json("a path", "../../etc/passwd"),
        BadValue.Json("format specifiers", "%s%s%n{0}"), BadValue.Json("markup", "<script>alert(1)</script>"), BadValue.Json("a template", "{{7*7}}${7*7}"),
        BadValue.Json("an id of another kind", "ord_00000000000000000000000000000000"), BadValue.Json("a date", "2026-02-30T25:61:00Z"),
        BadValue.Json("a number as text", "1e308"), BadValue.Json("an e-mail with spaces", " ANN@Example.COM "),
        BadValue.Json("101 characters", new string('x', 101)), BadValue.Json("1,001 characters", new string('x', 1_001)),
        BadValue.Json("10,001 characters", new string('x', 10_001)), BadValue.Json("100,001 characters", new string('x', 100_001)),
        BadValue.Json("100,000 two-byte characters", new string('é', 100_000)), BadValue.Json("30,000 emoji", string.Concat(Enumerable.Repeat("😀", 30_000))),
    ];

    /// <summary>Deeper than System.Text.Json's limit of 64, and deeper than any stack should go.</summary>
    public static IReadOnlyList<BadValue> Nesting { get; } =
    [
        BadValue.Text("arrays 65 deep", new string('[', 65) + new string(']', 65)),
        BadValue.Text("arrays 100,000 deep", new string('[', 100_000) + new string(']', 100_000)),
        BadValue.Text("objects 1,000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 1_000)) + "1" + new string('}', 1_000)),
        BadValue.Text("an unclosed array 50,000 deep", new string('[', 50_000)),
    ];

    /// <summary>
    /// Path segment values, already percent-encoded where a URL needs it. No %00: the in-memory test server refuses such a
    /// path before the application sees it (Kestrel answers 400 with no body), so it cannot be sent from here.
    /// </summary>
    public static IReadOnlyList<string> PathValues { get; } =
    [
        "nope", "0", "-1", "ord_00000000000000000000000000000000", "a%2Fb", "a/b", "..", "%2E%2E", ".", "%2e", "%20", "%20padded%20",
        "%FF", "%ED%A0%80", "%C0%AF", "%C3%BC", "%E6%97%A5%E6%9C%AC", "%F0%9F%9B%92", "%E2%80%AE", "%EF%BB%BF", "'", "%27%20OR%20%271%27%3D%271", "~", "+", "%2B",
        "%25", "%", "%%", ";", "a;b=c", "%0A", "%0D%0A", "%09", "null", "undefined", "%7B%7D", "%5B%5D", new string('x', 10_240), string.Concat(Enumerable.Repeat("%C3%A9", 2_000)),
    ];

    /// <summary>Query values for a parameter that takes a whole number.</summary>
    public static IReadOnlyList<string> WholeNumberQueryValues { get; } =
    [
        "abc", "1.5", "-1", "0", "99999999999999999999", "2147483648", "1e3", "", "%00", "%201", "0x10", "%EF%BC%91", "NaN", "1,000", "100001", "-2147483649",
    ];

    /// <summary>Query values for a parameter that takes text.</summary>
    public static IReadOnlyList<string> TextQueryValues { get; } =
    [
        "", "%00", "%FF", "%ED%A0%80", "%C3%BC", "%F0%9F%9B%92", "%E2%80%AE", "'", "%25", "%", "%2B", "+", "a%26b%3Dc", new string('x', 10_240),
        "ord_00000000000000000000000000000000", "%0D%0A", "-1", "99999999999999999999",
    ];

    public static IReadOnlyList<string?> ContentTypes { get; } =
    [
        null, "text/plain", "application/xml", "application/json; charset=ebcdic", "application/json; charset=utf-16", "application/json; charset=\"x-unknown\"",
        "application/json; charset=", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; q", ";;;", "application/json, text/plain",
        "*/*", "application/problem+json", "application/merge-patch+json", "text/csv", "application/octet-stream", "application/json; charset=utf-8; charset=latin1",
    ];

    /// <summary>Whole bodies that are not the request: empty, other JSON, not JSON at all.</summary>
    public static IReadOnlyList<BadValue> Bodies { get; } =
    [
        BadValue.Text("an empty body", ""), BadValue.Text("whitespace", " \r\n\t "), BadValue.Text("null", "null"), BadValue.Text("an empty array", "[]"),
        BadValue.Text("an empty object", "{}"), BadValue.Text("a number", "0"), BadValue.Text("a string", "\"text\""), BadValue.Text("true", "true"),
        BadValue.Text("not JSON", "hello"), BadValue.Text("a lone brace", "{"), BadValue.Text("single quotes", "{'a': 1}"), BadValue.Text("a comment", "/* */ {}"),
        BadValue.Text("a trailing comma", "{\"a\":1,}"), BadValue.Text("two objects", "{}{}"), BadValue.Text("an array of nulls", "[null,null]"),
        BadValue.Bytes("a UTF-16 body", Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes("{\"a\":1}")), BadValue.Bytes("bytes that are not UTF-8", [0xFF, 0xFE, 0xFD, 0x00]),
        BadValue.Bytes("gzip magic then garbage", [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF]),
    ];
}
