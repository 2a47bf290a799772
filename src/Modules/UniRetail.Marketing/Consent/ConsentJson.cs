using System.Text.Json;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Consent;

/// <summary>Consent snapshots as stored in merge records, so an undone merge gives each person back their own choices.</summary>
internal static class ConsentJson
{
    private sealed record Item(bool Granted, long At, string Source);

    public static string Write(IReadOnlyDictionary<ConsentPurpose, ConsentChoice> consent) =>
        JsonSerializer.Serialize(consent.ToDictionary(c => ConsentPurposes.ToName(c.Key), c => new Item(c.Value.Granted, c.Value.AtMs, c.Value.SourceId)), JsonSerializerOptions.Web);

    public static Dictionary<ConsentPurpose, ConsentChoice> Read(string json) =>
        (JsonText.Deserialize<Dictionary<string, Item>>(json, JsonSerializerOptions.Web) ?? [])
        .ToDictionary(c => ConsentPurposes.Parse(c.Key).Value, c => new ConsentChoice(c.Value.Granted, c.Value.At, c.Value.Source));
}
