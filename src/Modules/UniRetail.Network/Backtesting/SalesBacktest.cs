using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Forecasting;
using UniRetail.Network.Domain.Replenishment;

namespace UniRetail.Network.Backtesting;

/// <summary>What a backtest holds out and how its replayed orders are placed.</summary>
internal sealed record BacktestOptions(int Horizon = 28, decimal ServiceLevel = 0.95m, int LeadTimeDays = 2, int CycleDays = 7);

/// <summary>
/// One method's figures over every scored series: mean MASE scaled by the seasonal naive's and by the naive's in-sample
/// error, the fill rate its orders reached (units sold / units wanted) and the stock they held (mean units on hand at
/// day end, over all series), and how many series chose it.
/// </summary>
internal sealed record MethodReport(string Method, double MaseSeasonal, double MaseNaive, double FillRate, double MeanStock, int Chosen);

/// <summary>
/// The backtest of a whole file: the per-method rows (benchmarks, candidates, then <c>chosen per series</c>), and the
/// chosen method's improvement on the seasonal naive (1 − its MASE / the seasonal naive's MASE).
/// </summary>
internal sealed record BacktestReport(
    long Rows,
    int Series,
    int Scored,
    int TooShort,
    int Flat,
    DateOnly First,
    DateOnly Last,
    DateOnly HoldOutFrom,
    BacktestOptions Options,
    IReadOnlyList<MethodReport> Methods)
{
    public const string ChosenRow = "chosen_per_series";

    public MethodReport Chosen => Methods.Single(m => m.Method == ChosenRow);

    public MethodReport SeasonalNaive => Methods.Single(m => m.Method == ForecastMethods.SeasonalNaive.Name);

    public double ImprovementOnSeasonalNaive => SeasonalNaive.MaseSeasonal > 0 ? 1 - (Chosen.MaseSeasonal / SeasonalNaive.MaseSeasonal) : 0;
}

/// <summary>Runs the hold-out backtest over every series of a sales file, series in parallel.</summary>
internal static class SalesBacktest
{
    public static Result<BacktestReport> Run(SalesHistory history, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Horizon is < 1 or > DemandForecaster.MaxHorizon)
            return NetworkErrors.BadHorizon("horizon");
        var policy = OrderPolicy.Create(options.ServiceLevel, options.LeadTimeDays, options.CycleDays);
        if (!policy.IsSuccess)
            return policy.Error;
        var backtest = new Backtest(DemandForecaster.Default, policy.Value, options.Horizon);
        if (history.Days < backtest.MinDays)
            return NetworkErrors.SalesFileTooShort(history.Days, backtest.MinDays);
        var results = new SeriesBacktest?[history.Series.Count];
        Parallel.For(0, results.Length, s => results[s] = backtest.Run(history.Series[s].Units));
        return Aggregate(history, options, backtest, results);
    }

    private static BacktestReport Aggregate(SalesHistory history, BacktestOptions options, Backtest backtest, SeriesBacktest?[] results)
    {
        var methods = backtest.Methods;
        var rows = methods.Count + 1;
        var maseSeasonal = new double[rows];
        var maseNaive = new double[rows];
        var demand = new double[rows];
        var served = new double[rows];
        var stock = new double[rows];
        var chosen = new int[rows];
        int scored = 0, tooShort = 0, flat = 0;
        foreach (var result in results)
        {
            if (result is null)
            {
                tooShort++;
                continue;
            }
            // A series that never changed in training has no scale: MASE is undefined there (the M competitions drop it too).
            if (result.SeasonalScale <= 0 || result.NaiveScale <= 0)
            {
                flat++;
                continue;
            }
            scored++;
            chosen[result.Chosen]++;
            for (var r = 0; r < rows; r++)
            {
                var outcome = result.Outcomes[r < methods.Count ? r : result.Chosen];
                maseSeasonal[r] += outcome.AbsoluteError / result.SeasonalScale;
                maseNaive[r] += outcome.AbsoluteError / result.NaiveScale;
                demand[r] += outcome.Demand;
                served[r] += outcome.Served;
                stock[r] += outcome.StockDays;
            }
        }
        var reports = new List<MethodReport>(rows);
        for (var r = 0; r < rows; r++)
        {
            var name = r < methods.Count ? methods[r].Name : BacktestReport.ChosenRow;
            var n = Math.Max(1, scored);
            reports.Add(new MethodReport(
                name,
                maseSeasonal[r] / n,
                maseNaive[r] / n,
                demand[r] > 0 ? served[r] / demand[r] : 1,
                stock[r] / options.Horizon,
                r < methods.Count ? chosen[r] : scored));
        }
        return new BacktestReport(
            history.Rows, history.Series.Count, scored, tooShort, flat, history.First, history.Last,
            history.Last.AddDays(1 - options.Horizon), options, reports);
    }
}
