namespace UniRetail.Network.Domain.Forecasting;

/// <summary>
/// Croston's method for intermittent demand: smooths the size of the non-zero days and the interval between them
/// separately and forecasts size / interval a day. With <c>debiased</c>, the Syntetos–Boylan approximation (SBA),
/// which multiplies by 1 − α/2 to remove Croston's known upward bias.
/// </summary>
internal sealed class Croston(bool debiased) : ForecastMethod
{
    private const double Alpha = 0.1;

    public override string Name => debiased ? "sba" : "croston";

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        double size = 0, interval = 0;
        var seen = false;
        var sinceLast = 1;
        foreach (var demand in history)
        {
            if (demand > 0)
            {
                if (!seen)
                {
                    size = demand;
                    interval = sinceLast;
                    seen = true;
                }
                else
                {
                    size += Alpha * (demand - size);
                    interval += Alpha * (sinceLast - interval);
                }
                sinceLast = 1;
            }
            else
            {
                sinceLast++;
            }
        }
        var rate = seen ? size / interval : 0;
        forecast.Fill(debiased ? rate * (1 - (Alpha / 2)) : rate);
    }
}

/// <summary>
/// Teunter–Syntetos–Babai: smooths the probability of a sale every day (so a series that stops selling decays towards
/// zero, which Croston never does) and the size of the non-zero days; forecasts probability × size.
/// </summary>
internal sealed class Tsb : ForecastMethod
{
    private const double SizeAlpha = 0.1;
    private static readonly double[] ProbabilityBetas = [0.02, 0.05, 0.1, 0.2];

    public override string Name => "tsb";

    protected override void Fit(ReadOnlySpan<double> history, Span<double> forecast)
    {
        var nonZero = 0;
        var total = 0.0;
        foreach (var d in history)
        {
            if (d > 0)
            {
                nonZero++;
                total += d;
            }
        }
        if (nonZero == 0)
        {
            forecast.Clear();
            return;
        }
        var best = double.MaxValue;
        var bestForecast = 0.0;
        foreach (var beta in ProbabilityBetas)
        {
            var probability = (double)nonZero / history.Length;
            var size = total / nonZero;
            var sse = 0.0;
            foreach (var d in history)
            {
                var e = d - (probability * size);
                sse += e * e;
                if (d > 0)
                {
                    probability += beta * (1 - probability);
                    size += SizeAlpha * (d - size);
                }
                else
                {
                    probability -= beta * probability;
                }
            }
            if (sse < best)
            {
                best = sse;
                bestForecast = probability * size;
            }
        }
        forecast.Fill(bestForecast);
    }
}
