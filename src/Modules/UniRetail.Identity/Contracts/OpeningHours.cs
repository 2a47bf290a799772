using System.Globalization;
using UniRetail.Kernel;

namespace UniRetail.Identity.Contracts;

/// <summary>
/// Weekly opening hours: per day of week, one interval written <c>HH:mm-HH:mm</c> (<c>24:00</c> closes at midnight).
/// A missing day is closed. An interval that ends before it starts runs past midnight.
/// </summary>
public sealed class OpeningHours
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private readonly (TimeSpan Open, TimeSpan Close)?[] _days;

    private OpeningHours((TimeSpan, TimeSpan)?[] days) => _days = days;

    /// <summary>Open around the clock, every day.</summary>
    public static OpeningHours AlwaysOpen { get; } = new(Enumerable.Repeat<(TimeSpan, TimeSpan)?>((TimeSpan.Zero, TimeSpan.FromHours(24)), 7).ToArray());

    /// <summary>The hours as a day-name → interval map (what the API takes and returns).</summary>
    public IReadOnlyDictionary<string, string> ToMap() =>
        Enumerable.Range(0, 7).Where(d => _days[d] is not null)
            .ToDictionary(d => DayNames[d], d => $"{Format(_days[d]!.Value.Open)}-{Format(_days[d]!.Value.Close)}");

    /// <summary>Parses a map such as <c>{"monday": "09:00-21:00"}</c>; null or empty means always open.</summary>
    public static Result<OpeningHours> Parse(IReadOnlyDictionary<string, string>? map, string field = "openingHours")
    {
        if (map is null || map.Count == 0)
            return AlwaysOpen;
        var days = new (TimeSpan, TimeSpan)?[7];
        foreach (var (day, interval) in map)
        {
            var index = Array.IndexOf(DayNames, day.Trim().ToLowerInvariant());
            if (index < 0)
                return Error.Validation("identity.bad_opening_hours", $"'{day}' is not a day of the week.", $"{field}.{day}");
            var parts = interval.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryTime(parts[0], out var open) || !TryTime(parts[1], out var close) || open == close)
                return Error.Validation("identity.bad_opening_hours", $"'{interval}' is not an interval like 09:00-21:00.", $"{field}.{day}");
            days[index] = (open, close);
        }
        return new OpeningHours(days);
    }

    /// <summary>True when open at a local time of the location.</summary>
    public bool IsOpenAt(DateTimeOffset localTime)
    {
        var day = (int)localTime.DayOfWeek;
        var time = localTime.TimeOfDay;
        if (_days[day] is { } today && Contains(today, time, sameDay: true))
            return true;
        // An interval that runs past midnight keeps yesterday's store open into today.
        return _days[(day + 6) % 7] is { } yesterday && yesterday.Close < yesterday.Open && time < yesterday.Close;
    }

    private static bool Contains((TimeSpan Open, TimeSpan Close) interval, TimeSpan time, bool sameDay) =>
        interval.Close > interval.Open ? time >= interval.Open && time < interval.Close : sameDay && time >= interval.Open;

    private static bool TryTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time) && time < TimeSpan.FromHours(24);
    }

    private static string Format(TimeSpan time) => time == TimeSpan.FromHours(24) ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
