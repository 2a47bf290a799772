using System.Globalization;
using System.Text.Json;
using UniRetail.Marketing.Commerce;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Stitching;
using UniRetail.Members.Contracts;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// Reads what profiles need out of a stored event: identifiers from the id fields, traits (an identify's <c>traits</c>, and any event's
/// <c>context.traits</c>) and <c>context.device.id</c>; money from Segment's e-commerce events; consent from
/// <c>context.consent.categoryPreferences</c>. Commerce events name the member in <c>userId</c>, and so does any
/// event whose <c>userId</c> is a member id.
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

    private static readonly IReadOnlyDictionary<string, string> NoTraits = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<ConsentPurpose, bool> NoConsent = new Dictionary<ConsentPurpose, bool>();

    public static ProfileEvent Read(FeedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reading = Collect(row.Type, row.SourceId, row.UserId, row.AnonymousId, row.Traits, row.Context);
        return new ProfileEvent(
            row.EventSeq, row.SourceId, row.SourceKind, row.LocationId, row.Type, row.Event ?? row.Name, row.TimestampMs, reading.Identifiers,
            row.Type == "alias" ? row.PreviousId : null, reading.Traits ?? NoTraits, Purchase(row), reading.Consent ?? NoConsent)
        {
            MessageId = row.MessageId,
        };
    }

    /// <summary>The identifiers an incoming event names (raw), read exactly as the projector will read them once it is stored.</summary>
    public static IReadOnlyList<(IdentifierType Type, string Raw)> IdentifiersOf(TrackedEvent e, string sourceId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Collect(e.Type, sourceId, e.UserId, e.AnonymousId, e.Traits, e.Context).Identifiers;
    }

    private sealed class Reading
    {
        public List<(IdentifierType, string)> Identifiers { get; } = new(3);
        public Dictionary<string, string>? Traits { get; set; }
        public Dictionary<ConsentPurpose, bool>? Consent { get; set; }
    }

    private static Reading Collect(string type, string sourceId, string? userId, string? anonymousId, string? traits, string? context)
    {
        var reading = new Reading();
        // A source that uses member ids as its user ids (identify {userId: "mem_…"}) names the member, as an order does.
        if (userId is not null)
            reading.Identifiers.Add((sourceId == CommerceEvents.SourceId || ContactIdentifiers.MemberId(userId) is not null ? IdentifierType.MemberId : IdentifierType.UserId, userId));
        if (anonymousId is not null)
            reading.Identifiers.Add((IdentifierType.AnonymousId, anonymousId));
        if (context is not null)
            ReadContext(context, reading);
        // A group call's traits describe the group (a company, a club), not the person.
        if (traits is not null && type == "identify")
        {
            using var document = JsonDocument.Parse(JsonText.Repaired(traits));
            ReadTraits(document.RootElement, reading);
        }
        return reading;
    }

    private static void ReadContext(string json, Reading reading)
    {
        using var document = JsonDocument.Parse(JsonText.Repaired(json));
        var context = document.RootElement;
        if (context.TryGetProperty("traits", out var contextTraits) && contextTraits.ValueKind == JsonValueKind.Object)
            ReadTraits(contextTraits, reading);
        if (context.TryGetProperty("device", out var device) && device.ValueKind == JsonValueKind.Object
            && device.TryGetProperty("id", out var deviceId) && deviceId.ValueKind == JsonValueKind.String)
            reading.Identifiers.Add((IdentifierType.DeviceId, deviceId.GetString()!));
        if (context.TryGetProperty("consent", out var given) && given.ValueKind == JsonValueKind.Object
            && given.TryGetProperty("categoryPreferences", out var categories) && categories.ValueKind == JsonValueKind.Object)
        {
            foreach (var category in categories.EnumerateObject())
            {
                if (category.Value.ValueKind is JsonValueKind.True or JsonValueKind.False && ConsentPurposes.FromCategory(category.Name) is { } purpose)
                    (reading.Consent ??= [])[purpose] = category.Value.GetBoolean();
            }
        }
    }

    private static void ReadTraits(JsonElement element, Reading reading)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var trait in element.EnumerateObject())
        {
            (reading.Traits ??= new Dictionary<string, string>(StringComparer.Ordinal))[trait.Name] = trait.Value.GetRawText();
            if (TraitIdentifiers.TryGetValue(trait.Name, out var type) && IdText(trait.Value) is { } value)
                reading.Identifiers.Add((type, value));
        }
    }

    private static Purchase? Purchase(FeedRow row)
    {
        PurchaseKind? kind = row.Event switch
        {
            "Order Completed" => PurchaseKind.Completed,
            "Order Refunded" => PurchaseKind.Refunded,
            "Order Cancelled" => PurchaseKind.Cancelled,
            _ => null,
        };
        if (kind is null)
            return null;
        if ((row.Money ?? row.OrderProperties) is not { } json)
            return new Purchase(kind.Value, null, null);
        using var document = JsonDocument.Parse(JsonText.Repaired(json));
        var values = document.RootElement;
        var (revenue, total, currency) = row.Money is not null
            ? (values[0], values[1], values[2])
            : (Property(values, "revenue"), Property(values, "total"), Property(values, "currency"));
        var amount = Amount(revenue) ?? Amount(total);
        return new Purchase(kind.Value, amount is null ? null : Math.Abs(amount.Value), currency.ValueKind == JsonValueKind.String ? currency.GetString() : null);
    }

    private static JsonElement Property(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A JSON number, or a number written as a string (PostgreSQL's <c>-&gt;&gt;</c> gives text).</summary>
    private static decimal? Amount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var amount) => amount,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) => amount,
        _ => null,
    };

    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
