namespace UniRetail.Network.Domain.Forecasting;

/// <summary>
/// Additive Holt–Winters with a weekly period and no trend (a daily shop series rarely carries a trend worth
/// extrapolating 28 days): a level plus one offset per weekday, both smoothed; constants from a small grid by the
/// in-sample one-step squared error.
/// </summary>
internal sealed class HoltWintersAdditive : ForecastMethod
{
    private const int Period = 7;
    private static readonly double[] LevelAlphas = [0.02, 0.05, 0.1, 0.2];
    private static readonly double[] SeasonGammas = [0.02, 0.05, 0.1];

    public override string Name => "holt_winters";

    public override int MinHistory => 2 * Period;

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        Span<double> season = stackalloc double[Period];
        Span<double> bestSeason = stackalloc double[Period];
        var best = double.MaxValue;
        var bestLevel = 0.0;
        foreach (var alpha in LevelAlphas)
        {
            foreach (var gamma in SeasonGammas)
            {
                var level = Initialise(history, season);
                var sse = 0.0;
                for (var t = Period; t < history.Length; t++)
                {
                    var s = t % Period;
                    var e = history[t] - (level + season[s]);
                    sse += e * e;
                    var newLevel = level + (alpha * e);
                    season[s] += gamma * (history[t] - newLevel - season[s]);
                    level = newLevel;
                }
                if (sse < best)
                {
                    best = sse;
                    bestLevel = level;
                    season.CopyTo(bestSeason);
                }
            }
        }
        for (var h = 0; h < forecast.Length; h++)
            forecast[h] = bestLevel + bestSeason[(history.Length + h) % Period];
    }

    // Level: the first two weeks' mean; each weekday's offset: its mean over those weeks less the level.
    private static double Initialise(ReadOnlySpan<double> history, Span<double> season)
    {
        var level = Mean(history[..(2 * Period)]);
        for (var s = 0; s < Period; s++)
            season[s] = ((history[s] + history[s + Period]) / 2) - level;
        return level;
    }
}

/// <summary>
/// A level from the last four weeks times a weekday profile from the last <c>weeks</c> weeks (each weekday's share of
/// the mean): a seasonal average that follows the level quickly and keeps the weekly shape.
/// </summary>
internal sealed class WeekdayProfile(int weeks) : ForecastMethod
{
    private const int Period = 7;
    private const int LevelDays = 28;

    public override string Name => $"weekday_profile_{weeks}";

    public override int MinHistory => 2 * Period;

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        var level = Mean(history[Math.Max(0, history.Length - LevelDays)..]);
        var start = Math.Max(0, history.Length - (weeks * Period));
        Span<double> sums = stackalloc double[Period];
        Span<int> counts = stackalloc int[Period];
        var total = 0.0;
        for (var t = start; t < history.Length; t++)
        {
            sums[t % Period] += history[t];
            counts[t % Period]++;
            total += history[t];
        }
        var overall = total / (history.Length - start);
        for (var h = 0; h < forecast.Length; h++)
        {
            var s = (history.Length + h) % Period;
            var index = overall > 0 && counts[s] > 0 ? sums[s] / counts[s] / overall : 1;
            forecast[h] = level * index;
        }
    }
}

/// <summary>
/// The level of the last four weeks with the weekday profile of the last <c>weeks</c> weeks, shrunk towards flat by how
/// much of the weekdays' spread is noise (empirical Bayes: weight = 1 − the weekday means' sampling variance / their
/// spread, within [0, 1]). A strongly weekly series keeps its full profile; a sparse, noisy one is forecast flat.
/// </summary>
internal sealed class ShrunkWeekdayProfile(int weeks) : ForecastMethod
{
    private const int Period = 7;
    private const int LevelDays = 28;

    public override string Name => "shrunk_weekday";

    public override int MinHistory => 2 * Period;

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        var level = Mean(history[Math.Max(0, history.Length - LevelDays)..]);
        var start = Math.Max(0, history.Length - (weeks * Period));
        Span<double> means = stackalloc double[Period];
        Span<int> counts = stackalloc int[Period];
        var total = 0.0;
        for (var t = start; t < history.Length; t++)
        {
            means[t % Period] += history[t];
            counts[t % Period]++;
            total += history[t];
        }
        var days = history.Length - start;
        var overall = total / days;
        for (var s = 0; s < Period; s++)
            means[s] /= counts[s];
        var within = 0.0;
        for (var t = start; t < history.Length; t++)
        {
            var d = history[t] - means[t % Period];
            within += d * d;
        }
        within /= Math.Max(1, days - Period);
        var between = 0.0;
        for (var s = 0; s < Period; s++)
            between += (means[s] - overall) * (means[s] - overall);
        between /= Period - 1;
        var weight = between > 0 ? Math.Clamp(1 - (within / ((double)days / Period) / between), 0, 1) : 0;
        for (var h = 0; h < forecast.Length; h++)
        {
            var index = overall > 0 ? means[(history.Length + h) % Period] / overall : 1;
            forecast[h] = level * (1 + (weight * (index - 1)));
        }
    }
}
