using UniRetail.Network.Domain.Replenishment;

namespace UniRetail.Network.Domain.Forecasting;

/// <summary>One method's result on one series' hold-out.</summary>
internal readonly record struct MethodOutcome(double AbsoluteError, double Demand, double Served, double StockDays);

/// <summary>
/// One series' hold-out result: the scales MASE divides by (the in-sample mean absolute error of the seasonal naive,
/// same weekday last week, and of the plain naive, yesterday), the method chosen by the rolling-origin backtest on the
/// training part, and each method's outcome (benchmarks first, then the candidates).
/// </summary>
internal sealed record SeriesBacktest(double SeasonalScale, double NaiveScale, int Chosen, MethodOutcome[] Outcomes);

/// <summary>
/// Holds out the last <c>horizon</c> days of a series, forecasts them from the days before with every method (and the
/// one the series' own backtest chooses), and replays the suggested orders of <see cref="OrderPolicy"/> against the
/// real demand of the hold-out, without backorders, to measure the service level each method's orders reach.
/// </summary>
internal sealed class Backtest(DemandForecaster forecaster, OrderPolicy policy, int horizon)
{
    public const int Benchmarks = 2;

    /// <summary>Benchmarks first (<c>naive</c>, <c>seasonal_naive</c>), then the forecaster's candidates.</summary>
    public IReadOnlyList<ForecastMethod> Methods { get; } = [ForecastMethods.Naive, ForecastMethods.SeasonalNaive, .. forecaster.Candidates];

    public int Horizon => horizon;

    /// <summary>The shortest series this backtest scores: enough to fit before the first rolling cut, plus the hold-out.</summary>
    public int MinDays => DemandForecaster.MinFitDays + (2 * horizon);

    /// <summary>The series' result, or null when it is too short to score (fewer than <see cref="MinDays"/> days).</summary>
    public SeriesBacktest? Run(ReadOnlySpan<double> series)
    {
        if (series.Length < MinDays)
            return null;
        var train = series[..^horizon];
        var actual = series[^horizon..];
        var methods = Methods;
        Span<double> absolute = stackalloc double[methods.Count];
        Span<double> squared = stackalloc double[methods.Count];
        var windows = DemandForecaster.Score(methods, train, horizon, absolute, squared);
        var chosen = Benchmarks + DemandForecaster.Choose(absolute[Benchmarks..]);
        var forecast = new double[horizon + policy.CoverDays];
        var outcomes = new MethodOutcome[methods.Count];
        for (var m = 0; m < methods.Count; m++)
        {
            methods[m].Forecast(train, forecast);
            var error = 0.0;
            for (var h = 0; h < horizon; h++)
                error += Math.Abs(actual[h] - forecast[h]);
            var sd = Math.Sqrt(squared[m] / (windows * horizon));
            var (demand, served, stock) = Replay(forecast, sd, actual);
            outcomes[m] = new MethodOutcome(error / horizon, demand, served, stock);
        }
        return new SeriesBacktest(MeanAbsoluteChange(train, SeasonalNaive.Period), MeanAbsoluteChange(train, 1), chosen, outcomes);
    }

    // Periodic review every cycle; an order placed on day t arrives at the start of day t + lead time; unmet demand is lost.
    private (double Demand, double Served, double StockDays) Replay(double[] forecast, double sd, ReadOnlySpan<double> actual)
    {
        var cover = policy.CoverDays;
        var safety = policy.SafetyFactor * sd * Math.Sqrt(cover);
        var arrivals = new double[actual.Length + policy.LeadTimeDays + 1];
        var onHand = Math.Ceiling(Sum(forecast.AsSpan(0, cover)) + safety);
        var pipeline = 0.0;
        double demand = 0, served = 0, stock = 0;
        for (var t = 0; t < actual.Length; t++)
        {
            onHand += arrivals[t];
            pipeline -= arrivals[t];
            if (t % policy.CycleDays == 0)
            {
                var target = Sum(forecast.AsSpan(t, cover)) + safety;
                var order = Math.Max(0, Math.Ceiling(target - onHand - pipeline));
                if (policy.LeadTimeDays == 0)
                {
                    onHand += order;
                }
                else
                {
                    arrivals[t + policy.LeadTimeDays] += order;
                    pipeline += order;
                }
            }
            var sold = Math.Min(onHand, actual[t]);
            onHand -= sold;
            demand += actual[t];
            served += sold;
            stock += onHand;
        }
        return (demand, served, stock);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum;
    }

    /// <summary>The in-sample mean absolute error of the naive with lag <paramref name="lag"/>: MASE's denominator.</summary>
    internal static double MeanAbsoluteChange(ReadOnlySpan<double> values, int lag)
    {
        if (values.Length <= lag)
            return 0;
        var sum = 0.0;
        for (var t = lag; t < values.Length; t++)
            sum += Math.Abs(values[t] - values[t - lag]);
        return sum / (values.Length - lag);
    }
}
