namespace UniRetail.Network.Domain.Forecasting;

/// <summary>
/// A way to forecast a daily demand series. Each method reads only the history it is given (oldest first, one value a
/// day, missing days as zero) and writes <c>forecast.Length</c> days after its end; it never sees what it forecasts.
/// Work is linear in the history's length (a fixed grid of smoothing constants at most).
/// </summary>
internal abstract class ForecastMethod
{
    public abstract string Name { get; }

    /// <summary>The fewest days of history the method needs; with fewer it falls back to the history's mean.</summary>
    public virtual int MinHistory => 1;

    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast)
    {
        if (forecast.IsEmpty)
            return;
        if (history.Length < MinHistory)
        {
            forecast.Fill(history.IsEmpty ? 0 : Mean(history));
            return;
        }
        Fit(history, forecast);
        for (var i = 0; i < forecast.Length; i++)
            forecast[i] = Math.Max(0, forecast[i]);
    }

    protected abstract void Fit(ReadOnlySpan<double> history, Span<double> forecast);

    internal static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            return 0;
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Length;
    }

    /// <summary>The grid of smoothing constants tried by the smoothing methods, chosen by in-sample one-step squared error.</summary>
    internal static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.3, 0.5];
}

/// <summary>Tomorrow as today, for every day ahead: the plain naive, a benchmark.</summary>
internal sealed class Naive : ForecastMethod
{
    public override string Name => "naive";

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast) => forecast.Fill(history[^1]);
}

/// <summary>Each day as the same weekday of the last observed week: the seasonal naive, the benchmark to beat.</summary>
internal sealed class SeasonalNaive : ForecastMethod
{
    public const int Period = 7;

    public override string Name => "seasonal_naive";

    public override int MinHistory => Period;

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        var lastWeek = history[^Period..];
        for (var h = 0; h < forecast.Length; h++)
            forecast[h] = lastWeek[h % Period];
    }
}

/// <summary>The mean of the last <c>window</c> days, flat.</summary>
internal sealed class MovingAverage(int window) : ForecastMethod
{
    public override string Name => $"moving_average_{window}";

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast) =>
        forecast.Fill(Mean(history[Math.Max(0, history.Length - window)..]));
}

/// <summary>Simple exponential smoothing, flat; its constant is the grid's best one-step fit.</summary>
internal sealed class SimpleExponentialSmoothing : ForecastMethod
{
    public override string Name => "ses";

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        var best = double.MaxValue;
        var bestLevel = 0.0;
        foreach (var alpha in Alphas)
        {
            var level = history[0];
            var sse = 0.0;
            for (var t = 1; t < history.Length; t++)
            {
                var e = history[t] - level;
                sse += e * e;
                level += alpha * e;
            }
            if (sse < best)
            {
                best = sse;
                bestLevel = level;
            }
        }
        forecast.Fill(bestLevel);
    }
}
