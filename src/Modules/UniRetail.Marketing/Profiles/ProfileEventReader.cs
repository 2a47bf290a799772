using System.Text.Json;
using UniRetail.Marketing.Commerce;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Identity;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// Reads what profiles need out of a stored event: identifiers from the id fields, traits (an identify's <c>traits</c>, and any event's
/// <c>context.traits</c>) and <c>context.device.id</c>; money from Segment's e-commerce events; consent from
/// <c>context.consent.categoryPreferences</c>. Commerce events name the member in <c>userId</c>.
/// </summary>
internal static class ProfileEventReader
{
    private static readonly Dictionary<string, IdentifierType> TraitIdentifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = IdentifierType.Email,
        ["phone"] = IdentifierType.Phone,
        ["member_id"] = IdentifierType.MemberId,
        ["memberId"] = IdentifierType.MemberId,
        ["loyalty_card"] = IdentifierType.LoyaltyCard,
        ["loyaltyCard"] = IdentifierType.LoyaltyCard,
        ["payment_account"] = IdentifierType.PaymentAccount,
        ["paymentAccount"] = IdentifierType.PaymentAccount,
    };

    public static ProfileEvent Read(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var identifiers = new List<(IdentifierType, string)>(4);
        var traits = new Dictionary<string, string>(StringComparer.Ordinal);
        var consent = new Dictionary<ConsentPurpose, bool>();
        var commerce = row.SourceId == CommerceEvents.SourceId;
        if (row.UserId is not null)
            identifiers.Add((commerce ? IdentifierType.MemberId : IdentifierType.UserId, row.UserId));
        if (row.AnonymousId is not null)
            identifiers.Add((IdentifierType.AnonymousId, row.AnonymousId));
        if (row.Context is not null)
            ReadContext(row.Context, identifiers, traits, consent);
        // A group call's traits describe the group (a company, a club), not the person.
        if (row.Traits is not null && row.Type == "identify")
            ReadTraits(row.Traits, identifiers, traits);
        var purchase = ReadPurchase(row.Event, row.Properties, identifiers);
        return new ProfileEvent(
            row.EventSeq, row.SourceId, row.SourceKind, row.LocationId, row.Type, row.Event ?? row.Name, row.TimestampMs, identifiers,
            row.Type == "alias" ? row.PreviousId : null, traits, purchase, consent);
    }

    private static void ReadContext(string json, List<(IdentifierType, string)> identifiers, Dictionary<string, string> traits, Dictionary<ConsentPurpose, bool> consent)
    {
        using var document = JsonDocument.Parse(json);
        var context = document.RootElement;
        if (context.TryGetProperty("traits", out var contextTraits) && contextTraits.ValueKind == JsonValueKind.Object)
            ReadTraits(contextTraits, identifiers, traits);
        if (context.TryGetProperty("device", out var device) && device.ValueKind == JsonValueKind.Object
            && device.TryGetProperty("id", out var deviceId) && deviceId.ValueKind == JsonValueKind.String)
            identifiers.Add((IdentifierType.DeviceId, deviceId.GetString()!));
        if (context.TryGetProperty("consent", out var given) && given.ValueKind == JsonValueKind.Object
            && given.TryGetProperty("categoryPreferences", out var categories) && categories.ValueKind == JsonValueKind.Object)
        {
            foreach (var category in categories.EnumerateObject())
            {
                if (category.Value.ValueKind is JsonValueKind.True or JsonValueKind.False && ConsentPurposes.FromCategory(category.Name) is { } purpose)
                    consent[purpose] = category.Value.GetBoolean();
            }
        }
    }

    private static void ReadTraits(string json, List<(IdentifierType, string)> identifiers, Dictionary<string, string> traits)
    {
        using var document = JsonDocument.Parse(json);
        ReadTraits(document.RootElement, identifiers, traits);
    }

    private static void ReadTraits(JsonElement element, List<(IdentifierType, string)> identifiers, Dictionary<string, string> traits)
    {
        foreach (var trait in element.EnumerateObject())
        {
            traits[trait.Name] = trait.Value.GetRawText();
            if (TraitIdentifiers.TryGetValue(trait.Name, out var type) && IdText(trait.Value) is { } value)
                identifiers.Add((type, value));
        }
    }

    private static Purchase? ReadPurchase(string? name, string? properties, List<(IdentifierType, string)> identifiers)
    {
        var kind = name switch
        {
            "Order Completed" => PurchaseKind.Completed,
            "Order Refunded" => PurchaseKind.Refunded,
            "Order Cancelled" => PurchaseKind.Cancelled,
            _ => (PurchaseKind?)null,
        };
        if (properties is null || (kind is null && !properties.Contains("member_id", StringComparison.Ordinal)))
            return kind is null ? null : new Purchase(kind.Value, null, null);
        using var document = JsonDocument.Parse(properties);
        var root = document.RootElement;
        if (root.TryGetProperty("member_id", out var member) && IdText(member) is { } memberId)
            identifiers.Add((IdentifierType.MemberId, memberId));
        if (kind is null)
            return null;
        var amount = Amount(root, "revenue") ?? Amount(root, "total");
        var currency = root.TryGetProperty("currency", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        return new Purchase(kind.Value, amount is null ? null : Math.Abs(amount.Value), currency);
    }

    private static decimal? Amount(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount) ? amount : null;

    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
