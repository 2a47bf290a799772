using System.Text.Json;
using System.Text.Json.Serialization;

namespace UniRetail.Web.Requests;

/// <summary>
/// Reads every JSON string of a request body and refuses one that holds the NUL character (U+0000): PostgreSQL cannot
/// store it in text and SQLite would, so the API refuses it first, the same on both engines, naming the field.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()) ?? "";

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string? Checked(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new NulInTextException() : text;
}

/// <summary>A request string with the NUL character; the reader adds the path of the field.</summary>
public sealed class NulInTextException : JsonException
{
    public NulInTextException() : base("The text contains the NUL character (U+0000).") { }

    public NulInTextException(string message) : base(message) { }

    public NulInTextException(string message, Exception innerException) : base(message, innerException) { }
}
