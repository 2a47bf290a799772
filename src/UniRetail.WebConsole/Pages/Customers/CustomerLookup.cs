using System.Globalization;
using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Profiles;

namespace UniRetail.WebConsole.Pages.Customers;

/// <summary>How the customer pages name identifiers and write a profile and its events in a line.</summary>
internal static class CustomerLookup
{
    /// <summary>The largest export the page offers as a download (a data: link held in the circuit); larger ones go through the API.</summary>
    public const int MaxDownloadBytes = 2 * 1024 * 1024;

    /// <summary>The longest a trait or event detail is shown in a table cell before it is cut.</summary>
    public const int MaxCell = 160;

    /// <summary>The most member ids of one profile whose loyalty accounts the 360 reads.</summary>
    public const int MaxMembersShown = 5;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The identifier types the search offers, most used first (the API's names).</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Types =
    [
        ("email", "E-mail"), ("phone", "Phone"), ("member_id", "Member id"), ("loyalty_card", "Loyalty card"), ("user_id", "User id"),
        ("anonymous_id", "Anonymous id"), ("device_id", "Device id"), ("payment_account", "Payment account"),
    ];

    /// <summary>The search's "any identifier" choice: the value is tried as each type in <see cref="Types"/> order.</summary>
    public const string Any = "any";

    /// <summary>
    /// Finds the person holding <paramref name="value"/> as <paramref name="type"/>, or, for <see cref="Any"/>, as the first
    /// type under which someone holds it (at most one lookup per type). A value no one holds is the API's unknown profile, on
    /// the value field; any other error (a bad value for a named type) is the lookup's own.
    /// </summary>
    public static async Task<Result<ProfileView>> FindAsync(string? type, string? value, Func<string, string?, Task<Result<ProfileView>>> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        if (!string.Equals(type, Any, StringComparison.Ordinal))
        {
            // The API names the profile as missing; on the search form that is the value typed.
            var named = await find(type ?? "", value);
            return named.Error is { Code: "marketing.unknown_profile" } missing ? missing with { Field = "value" } : named;
        }
        if (string.IsNullOrWhiteSpace(value))
            return Error.Validation("console.no_value", "Type an e-mail, phone, member id, loyalty card or user id to look for.", "value");
        foreach (var (name, _) in Types)
        {
            var found = await find(name, value);
            if (found.IsSuccess)
                return found;
            if (found.Error!.Code is not ("marketing.unknown_profile" or "marketing.bad_identifier"))
                return found;
        }
        return Error.NotFound("marketing.unknown_profile", $"No one in this tenant holds '{value.Trim()}' as any identifier.", "value");
    }

    /// <summary>A heading for the person: the name trait, else an e-mail, else a phone, else the profile id.</summary>
    public static string DisplayName(ProfileView profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Traits is { } traits)
        {
            foreach (var key in new[] { "name", "firstName", "first_name" })
            {
                if (traits.TryGetValue(key, out var t) && t.Value.ValueKind == JsonValueKind.String && t.Value.GetString() is { Length: > 0 } name)
                    return name;
            }
        }
        return profile.Identifiers.FirstOrDefault(i => i.Type == "email")?.Value
            ?? profile.Identifiers.FirstOrDefault(i => i.Type == "phone")?.Value
            ?? profile.ProfileId;
    }

    /// <summary>A JSON value as text for a table cell: strings bare, anything else as compact JSON, cut at <see cref="MaxCell"/>.</summary>
    public static string Show(JsonElement value) => Cut(value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText());

    /// <summary>The gist of an event: its order id, SKU, revenue or page, whichever it has.</summary>
    public static string Summary(EventView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Properties is not { ValueKind: JsonValueKind.Object } properties)
            return "";
        var parts = new List<string>();
        foreach (var key in new[] { "order_id", "sku", "total", "revenue", "currency", "url", "path" })
        {
            if (properties.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                parts.Add($"{key} {Show(v)}");
        }
        return Cut(string.Join(" · ", parts));
    }

    public static string Size(int bytes) => bytes < 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string Cut(string text) => text.Length <= MaxCell ? text : string.Concat(text.AsSpan(0, MaxCell - 1), "…");
}
