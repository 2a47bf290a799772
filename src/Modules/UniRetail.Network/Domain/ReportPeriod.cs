using System.Globalization;
using UniRetail.Kernel;

namespace UniRetail.Network.Domain;

/// <summary>
/// The days [From, To) a network report covers (shared sales, commission, pickup fees): <c>from</c> and <c>to</c> as
/// yyyy-MM-dd, from before to, at most <see cref="MaxDays"/> days; UTC days.
/// </summary>
internal readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public long FromMs => Ms(From);

    public long ToMs => Ms(To);

    public static Result<ReportPeriod> Parse(string? from, string? to)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
            return NetworkErrors.BadPeriod("from");
        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate)
            || toDate <= fromDate || toDate.DayNumber - fromDate.DayNumber > MaxDays)
            return NetworkErrors.BadPeriod("to");
        return new ReportPeriod(fromDate, toDate);
    }

    private static long Ms(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
