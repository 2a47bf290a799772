using CsCheck;
using UniRetail.Network.Domain.Forecasting;
using Xunit;

namespace UniRetail.Network.Tests;

/// <summary>Series of known structure: the chosen forecast must land within the stated tolerance of the truth.</summary>
public sealed class ForecastingTests
{
    private const int Horizon = 28;

    [Fact]
    public void Forecast_ConstantSeries_IsTheConstantForEveryDay()
    {
        var history = Enumerable.Repeat(12.0, 200).ToArray();

        var forecast = DemandForecaster.Default.Forecast(history, Horizon);

        Assert.All(forecast.Daily, d => Assert.Equal(12.0, d, 1e-9));
        Assert.Equal(0, forecast.DailyErrorSd, 1e-9);
    }

    [Fact]
    public void Forecast_WeeklySeasonalSeries_FollowsTheWeekdaysWithinFivePercent()
    {
        double[] week = [20, 22, 25, 30, 45, 60, 35];
        var random = new Random(7);
        var history = Enumerable.Range(0, 364).Select(t => week[t % 7] * (1 + ((random.NextDouble() - 0.5) * 0.1))).ToArray();

        var forecast = DemandForecaster.Default.Forecast(history, Horizon);

        for (var h = 0; h < Horizon; h++)
        {
            var truth = week[(history.Length + h) % 7];
            Assert.InRange(forecast.Daily[h], truth * 0.95, truth * 1.05);
        }
        Assert.DoesNotContain(forecast.Method, new[] { "moving_average_7", "moving_average_28", "ses", "croston", "sba", "tsb" });
    }

    [Fact]
    public void Forecast_IntermittentSeries_ForecastsTheMeanRateWithinFifteenPercent()
    {
        // A sale of 3 to 5 units on one day in five, at random: the expected rate is 4 × 0.2 = 0.8 a day.
        var random = new Random(11);
        var history = Enumerable.Range(0, 730).Select(_ => random.NextDouble() < 0.2 ? random.Next(3, 6) : 0.0).ToArray();

        var forecast = DemandForecaster.Default.Forecast(history, Horizon);

        Assert.InRange(forecast.Total(Horizon) / Horizon, 0.8 * 0.85, 0.8 * 1.15);
        Assert.True(forecast.DailyErrorSd > 1, "an intermittent series' daily error is large, so its safety stock is");
    }

    [Theory]
    [InlineData("croston", 0.8)]
    [InlineData("sba", 0.76)]
    [InlineData("tsb", 0.8)]
    public void IntermittentMethods_RegularPattern_ForecastTheRate(string name, double expected)
    {
        // 4 units every fifth day, exactly.
        var history = Enumerable.Range(0, 500).Select(t => t % 5 == 4 ? 4.0 : 0).ToArray();
        var method = ForecastMethods.Candidates.Single(m => m.Name == name);
        var forecast = new double[7];

        method.Forecast(history, forecast);

        // Within 5%: TSB's probability is lifted by the sale on the last day, Croston's interval is exact.
        Assert.All(forecast, d => Assert.InRange(d, expected * 0.95, expected * 1.05));
    }

    [Fact]
    public void Tsb_SeriesThatStopsSelling_DecaysTowardsZeroWhereCrostonDoesNot()
    {
        var history = Enumerable.Range(0, 400).Select(t => t < 300 && t % 3 == 0 ? 6.0 : 0).ToArray();
        var tsb = new double[1];
        var croston = new double[1];

        ForecastMethods.Candidates.Single(m => m.Name == "tsb").Forecast(history, tsb);
        ForecastMethods.Candidates.Single(m => m.Name == "croston").Forecast(history, croston);

        // Croston keeps the old rate (6 every 3 days = 2 a day); after 100 days without a sale TSB is below a quarter of it.
        Assert.InRange(croston[0], 1.8, 2.2);
        Assert.True(tsb[0] < croston[0] / 4, $"TSB {tsb[0]}, Croston {croston[0]}");
    }

    [Fact]
    public void SeasonalNaive_RepeatsTheLastWeek()
    {
        var history = Enumerable.Range(0, 21).Select(t => (double)t).ToArray();
        var forecast = new double[10];

        ForecastMethods.SeasonalNaive.Forecast(history, forecast);

        Assert.Equal(new double[] { 14, 15, 16, 17, 18, 19, 20, 14, 15, 16 }, forecast);
    }

    [Fact]
    public void Forecast_ShortHistory_FallsBackToItsMean()
    {
        var forecast = DemandForecaster.Default.Forecast([2, 4, 0, 6], 7);

        Assert.Equal("moving_average_28", forecast.Method);
        Assert.All(forecast.Daily, d => Assert.Equal(3, d, 1e-9));
    }

    [Fact]
    public void Forecast_ChoosesWithoutReadingTheFuture()
    {
        // Two histories equal up to day 300 and different after it must forecast the same from day 300.
        var random = new Random(3);
        var a = Enumerable.Range(0, 400).Select(_ => (double)random.Next(0, 9)).ToArray();
        var b = (double[])a.Clone();
        for (var t = 300; t < b.Length; t++)
            b[t] = 100;

        var fromA = DemandForecaster.Default.Forecast(a.AsSpan(0, 300), Horizon);
        var fromB = DemandForecaster.Default.Forecast(b.AsSpan(0, 300), Horizon);

        Assert.Equal(fromA.Method, fromB.Method);
        Assert.Equal(fromA.Daily, fromB.Daily);
    }

    [Fact]
    public void Forecast_AnyNonNegativeHistory_IsFiniteAndNonNegative()
    {
        Gen.Double[0, 1000].Array[0, 400].Select(Gen.Int[1, 60])
            .Sample((history, horizon) =>
            {
                var forecast = DemandForecaster.Default.Forecast(history, horizon);
                return forecast.Daily.Length == horizon
                    && forecast.Daily.All(d => double.IsFinite(d) && d >= 0)
                    && double.IsFinite(forecast.DailyErrorSd) && forecast.DailyErrorSd >= 0;
            });
    }

    [Fact]
    public void Forecast_AnyHistory_StaysWithinItsRange()
    {
        // No method extrapolates a trend, so no forecast leaves [0, max of the history × 2].
        Gen.Double[0, 50].Array[30, 300]
            .Sample(history =>
            {
                var forecast = DemandForecaster.Default.Forecast(history, 28);
                return forecast.Daily.All(d => d <= (history.Max() * 2) + 1e-9);
            });
    }
}
