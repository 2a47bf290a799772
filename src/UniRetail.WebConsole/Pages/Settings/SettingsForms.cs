using System.Globalization;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Locations;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.WebConsole.Pages.Settings;

/// <summary>The settings page's forms as text the user types, turned into the API's requests (a number that is not one is an error on its field).</summary>
internal static class SettingsForms
{
    public static readonly IReadOnlyList<string> Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static readonly IReadOnlyList<string> KeyRoles = ["integration", "store_staff", "marketer", "admin"];

    /// <summary>Console users have a person's roles; integrations use API keys.</summary>
    public static readonly IReadOnlyList<string> UserRoles = ["marketer", "store_staff", "admin"];

    public static readonly IReadOnlyCollection<string> LocationFields =
        ["code", "name", "kind", "latitude", "longitude", "timeZone", "pickup", "deliveryRadiusKm", "dailyCapacity", .. Days.Select(d => $"openingHours.{d}")];

    public static readonly IReadOnlyCollection<string> KeyFields = ["name", "role", "storeId"];

    public static readonly IReadOnlyCollection<string> UserFields = ["email", "role", "storeId"];

    public static IReadOnlyCollection<string> RuleFields(int rows) =>
        ["blockedValues", .. Enumerable.Range(0, rows).SelectMany(i => new[] { $"rules[{i}].maxPerProfile", $"rules[{i}].priority" })];

    public static string Title(string day) => string.Concat(day[..1].ToUpperInvariant(), day.AsSpan(1));

    /// <summary>Opening hours in a line: "always open", or each open day's interval.</summary>
    public static string Hours(OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var map = hours.ToMap();
        return map.Count == 0 ? "always open" : string.Join(", ", Days.Where(map.ContainsKey).Select(d => $"{Title(d)[..3]} {map[d]}"));
    }

    /// <summary>The location form's text.</summary>
    internal sealed class LocationForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string Kind { get; set; } = "store";
        public string? Address { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? TimeZone { get; set; } = "Europe/London";
        public Dictionary<string, string?> Hours { get; } = [];
        public bool Ships { get; set; } = true;
        public bool Pickup { get; set; } = true;
        public string? Radius { get; set; } = "0";
        public string? Capacity { get; set; }

        public static LocationForm From(LocationInfo location)
        {
            ArgumentNullException.ThrowIfNull(location);
            var form = new LocationForm
            {
                Code = location.Code, Name = location.Name, Kind = LocationKinds.ToName(location.Kind), Address = location.Address,
                Latitude = location.Position.Latitude.ToString(CultureInfo.InvariantCulture), Longitude = location.Position.Longitude.ToString(CultureInfo.InvariantCulture),
                TimeZone = location.TimeZone, Ships = location.Ships, Pickup = location.Pickup,
                Radius = location.DeliveryRadiusKm.ToString(CultureInfo.InvariantCulture), Capacity = location.DailyCapacity?.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (day, interval) in location.Hours.ToMap())
                form.Hours[day] = interval;
            return form;
        }

        public Result<LocationRequest> ToRequest()
        {
            var latitude = Number(Latitude, "latitude");
            if (!latitude.IsSuccess)
                return latitude.Error;
            var longitude = Number(Longitude, "longitude");
            if (!longitude.IsSuccess)
                return longitude.Error;
            var radius = Number(Radius, "deliveryRadiusKm");
            if (!radius.IsSuccess)
                return radius.Error;
            int? capacity = null;
            if (!string.IsNullOrWhiteSpace(Capacity))
            {
                if (!int.TryParse(Capacity.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                    return Error.Validation("console.bad_number", $"'{Capacity}' is not a whole number.", "dailyCapacity");
                capacity = whole;
            }
            var hours = Hours.Where(h => !string.IsNullOrWhiteSpace(h.Value)).ToDictionary(h => h.Key, h => h.Value!.Trim());
            return new LocationRequest(Code, Name, Kind, Address, latitude.Value, longitude.Value, TimeZone, hours, Ships, Pickup, radius.Value ?? 0, capacity);
        }

        private static Result<double?> Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
                return (double?)null;
            return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : Error.Validation("console.bad_number", $"'{text}' is not a number (a dot for the decimals).", field);
        }
    }

    /// <summary>One identity rule as typed.</summary>
    internal sealed class RuleRow
    {
        public string Type { get; init; } = "";
        public bool MayMerge { get; set; }
        public string? MaxPerProfile { get; set; }
        public string? Priority { get; set; }

        public static RuleRow From(IdentityRuleView rule) => new()
        {
            Type = rule.Type, MayMerge = rule.MayMerge,
            MaxPerProfile = rule.MaxPerProfile.ToString(CultureInfo.InvariantCulture), Priority = rule.Priority.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The rules request: every row (numbers checked here, ranges by the handler) and the blocked values, one a line.</summary>
    public static Result<IdentityRulesRequest> RulesRequest(IReadOnlyList<RuleRow> rows, string? blocked)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rules = new List<IdentityRuleView>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!int.TryParse(rows[i].MaxPerProfile?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var max))
                return Error.Validation("console.bad_number", $"'{rows[i].MaxPerProfile}' is not a whole number.", $"rules[{i}].maxPerProfile");
            if (!int.TryParse(rows[i].Priority?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority))
                return Error.Validation("console.bad_number", $"'{rows[i].Priority}' is not a whole number.", $"rules[{i}].priority");
            rules.Add(new IdentityRuleView(rows[i].Type, rows[i].MayMerge, max, priority));
        }
        var values = (blocked ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new IdentityRulesRequest(rules, values);
    }
}
