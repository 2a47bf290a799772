using System.Text;
using System.Text.Json;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Persistence;

/// <summary>The JSON columns of <c>marketing_profile</c>: small maps written whole with the row.</summary>
internal static class ProfileJson
{
    public static string Counts(IReadOnlyDictionary<string, long> counts) => JsonSerializer.Serialize(counts);

    public static Dictionary<string, long> ReadCounts(string json) =>
        JsonText.Deserialize<Dictionary<string, long>>(json) ?? [];

    public static string Names(IEnumerable<string> names) => JsonSerializer.Serialize(names);

    public static SortedSet<string> ReadNames(string json) =>
        new(JsonText.Deserialize<List<string>>(json) ?? [], StringComparer.Ordinal);

    /// <summary>Traits as <c>{"name": {"value": …, "at": ms, "source": "…"}}</c>, the value kept as the JSON it arrived as.</summary>
    public static string Traits(IReadOnlyDictionary<string, TraitValue> traits)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, trait) in traits)
            {
                writer.WriteStartObject(name);
                writer.WritePropertyName("value");
                writer.WriteRawValue(trait.Json, skipInputValidation: true);
                writer.WriteNumber("at", trait.AtMs);
                writer.WriteString("source", trait.SourceId);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A trait's value when it is a JSON string (e.g. a tier's name), else null.</summary>
    public static string? Text(string json)
    {
        using var document = JsonDocument.Parse(JsonText.Repaired(json));
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }

    public static Dictionary<string, TraitValue> ReadTraits(string json)
    {
        var traits = new Dictionary<string, TraitValue>(StringComparer.Ordinal);
        // Repaired: a trait set before ingestion refused invalid text would otherwise fail every read of the profile.
        using var document = JsonDocument.Parse(JsonText.Repaired(json));
        foreach (var trait in document.RootElement.EnumerateObject())
        {
            traits[trait.Name] = new TraitValue(
                trait.Value.GetProperty("value").GetRawText(), trait.Value.GetProperty("at").GetInt64(), trait.Value.GetProperty("source").GetString()!);
        }
        return traits;
    }
}
