namespace UniRetail.Network.Domain.Forecasting;

/// <summary>A series' forecast with the method that made it and the daily error it showed on its own past.</summary>
internal sealed record DemandForecast(string Method, double[] Daily, double DailyErrorSd)
{
    public double Total(int days)
    {
        var sum = 0.0;
        for (var h = 0; h < Math.Min(days, Daily.Length); h++)
            sum += Daily[h];
        return sum;
    }
}

/// <summary>
/// Chooses a method per series by a rolling-origin backtest on the series' own history: the history is cut at up to
/// <see cref="Origins"/> points, one window apart, each candidate forecasts the window after its cut from what lies
/// before it, and the lowest total absolute error wins if it clearly beats the default (see Choose). The winner then
/// forecasts from the whole history. Nothing after the history is read, so a hold-out stays unseen.
/// </summary>
internal sealed class DemandForecaster
{
    public const int Origins = 6;

    /// <summary>How much better than the default a candidate must backtest to be chosen (see <see cref="Choose"/>).</summary>
    public const double Margin = 0.3;

    /// <summary>The fewest days a backtest cut leaves before it for fitting.</summary>
    public const int MinFitDays = 28;

    /// <summary>The longest history read (the most recent days): keeps the work per series bounded and follows change.</summary>
    public const int MaxHistoryDays = 3 * 365;

    public const int MaxHorizon = 366;

    private readonly ForecastMethod[] _candidates;
    private readonly ForecastMethod _fallback;

    public DemandForecaster(IReadOnlyList<ForecastMethod> candidates, ForecastMethod fallback)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        _candidates = [.. candidates];
        _fallback = fallback;
    }

    public static DemandForecaster Default { get; } = new(ForecastMethods.Candidates, ForecastMethods.Fallback);

    public IReadOnlyList<ForecastMethod> Candidates => _candidates;

    public DemandForecast Forecast(ReadOnlySpan<double> history, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, MaxHorizon);
        if (history.Length > MaxHistoryDays)
            history = history[^MaxHistoryDays..];
        var errors = new double[_candidates.Length];
        var squares = new double[_candidates.Length];
        var windows = Score(_candidates, history, horizon, errors, squares);
        var daily = new double[horizon];
        if (windows == 0)
        {
            _fallback.Forecast(history, daily);
            return new DemandForecast(_fallback.Name, daily, StandardDeviation(history));
        }
        var best = Choose(errors);
        _candidates[best].Forecast(history, daily);
        return new DemandForecast(_candidates[best].Name, daily, Math.Sqrt(squares[best] / (windows * horizon)));
    }

    /// <summary>
    /// The candidate with the lowest backtest error, if it beats the first candidate (the robust default) by at least
    /// <see cref="Margin"/>; the default otherwise. A few windows of one series are noisy, and a winner by a hair on
    /// them is as likely to lose on the next window.
    /// </summary>
    public static int Choose(ReadOnlySpan<double> errors)
    {
        var best = 0;
        for (var m = 1; m < errors.Length; m++)
        {
            if (errors[m] < errors[best])
                best = m;
        }
        return errors[best] < (1 - Margin) * errors[0] ? best : 0;
    }

    /// <summary>
    /// The rolling-origin backtest: adds each method's absolute and squared errors over the windows into
    /// <paramref name="absolute"/> and <paramref name="squared"/>; returns how many windows there were.
    /// </summary>
    public static int Score(IReadOnlyList<ForecastMethod> methods, ReadOnlySpan<double> history, int horizon, Span<double> absolute, Span<double> squared)
    {
        var window = new double[horizon];
        var windows = 0;
        for (var k = 1; k <= Origins; k++)
        {
            var origin = history.Length - (k * horizon);
            if (origin < MinFitDays)
                break;
            windows++;
            var actual = history.Slice(origin, horizon);
            for (var m = 0; m < methods.Count; m++)
            {
                methods[m].Forecast(history[..origin], window);
                for (var h = 0; h < horizon; h++)
                {
                    var e = actual[h] - window[h];
                    absolute[m] += Math.Abs(e);
                    squared[m] += e * e;
                }
            }
        }
        return windows;
    }

    internal static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
            return values.IsEmpty ? 0 : values[0];
        var mean = ForecastMethod.Mean(values);
        var sum = 0.0;
        foreach (var v in values)
            sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (values.Length - 1));
    }
}

/// <summary>
/// The methods on offer. The first is the default a series keeps unless another clearly beats it on its own history:
/// the last four weeks' level with a weekday profile shrunk by how noisy it is, which on the M5 subset did as well as
/// the best of the others and better than most (docs/benchmarks.md).
/// </summary>
internal static class ForecastMethods
{
    public static ForecastMethod Naive { get; } = new Naive();

    public static ForecastMethod SeasonalNaive { get; } = new SeasonalNaive();

    public static ForecastMethod Fallback { get; } = new MovingAverage(28);

    public static IReadOnlyList<ForecastMethod> Candidates { get; } =
    [
        new ShrunkWeekdayProfile(16),
        new MovingAverage(7),
        new MovingAverage(14),
        new MovingAverage(28),
        new SimpleExponentialSmoothing(),
        new Croston(debiased: false),
        new Croston(debiased: true),
        new Tsb(),
        new WeekdayProfile(8),
        new WeekdayProfile(16),
        new HoltWintersAdditive(),
    ];
}
