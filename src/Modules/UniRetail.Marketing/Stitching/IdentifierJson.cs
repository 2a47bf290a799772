using System.Text.Json;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.Stitching;

/// <summary>Identifier lists as stored in merge records: <c>[{"type":"email","value":"…"}]</c>.</summary>
internal static class IdentifierJson
{
    private sealed record Item(string Type, string Value);

    public static string Write(IEnumerable<Identifier> identifiers) =>
        JsonSerializer.Serialize(identifiers.Select(i => new Item(i.TypeName, i.Value)), JsonSerializerOptions.Web);

    public static List<Identifier> Read(string json) =>
        (JsonText.Deserialize<List<Item>>(json, JsonSerializerOptions.Web) ?? [])
        .Select(i => IdentifierTypes.TryParse(i.Type, out var type) ? new Identifier(type, i.Value) : throw new InvalidOperationException($"Unknown identifier type '{i.Type}'."))
        .ToList();
}
