using System.Globalization;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>The exchange-rate card as the API shows it: per state, where its people go next month, and what one of them yields.</summary>
internal sealed record CardRow(string State, decimal People, decimal GmvPerPerson, IReadOnlyDictionary<string, decimal> NextMonth, decimal NewPerMonth);

internal sealed record ForecastMonth(string Month, decimal Gmv, decimal Low, decimal High, IReadOnlyDictionary<string, decimal> People);

/// <summary>A GMV forecast from the AIPL card: trained on the months up to <c>TrainedUntil</c>, with a 95% interval from the in-sample error.</summary>
internal sealed record GmvForecastView(
    string Category, string Currency, DateOnly TrainedUntil, int MonthsLearnt, IReadOnlyList<CardRow> Card, decimal NewPersonGmv, decimal InSampleError, IReadOnlyList<ForecastMonth> Months);

internal sealed record GmvTargetRequest(decimal? Gmv, int? MonthsAhead, string? Category);

internal sealed record StageNeed(string State, decimal Now, decimal Needed, decimal Gap, decimal GmvPerPerson);

/// <summary>
/// The inverse: what the target month's GMV needs from the people here now. Each state's people yield
/// <c>GmvPerPerson</c> in that month (its exchange rate); with today's mix of stages kept, every state must grow by the same
/// factor for the forecast to meet the target; <c>Gap</c> is needed minus now.
/// </summary>
internal sealed record GmvTargetView(string Category, string Currency, string Month, decimal Target, decimal Forecast, decimal FromNewPeople, IReadOnlyList<StageNeed> Stages);

internal sealed record BacktestMonth(string Month, decimal Actual, decimal Forecast, decimal? Error, decimal SeasonalNaive, decimal? SeasonalNaiveError, decimal LinearTrend, decimal? LinearTrendError, decimal Low, decimal High);

/// <summary>Backtest: actual GMV against the card's forecast and two baselines, month by month, with each one's MAPE (percent).</summary>
internal sealed record BacktestView(
    string Category, string Currency, DateOnly TrainedUntil, IReadOnlyList<BacktestMonth> Months, decimal? Mape, decimal? SeasonalNaiveMape, decimal? LinearTrendMape, string Baselines);

/// <summary>
/// Builds the monthly history the card learns from out of the AIPL day rows (one read of the category's rows, people who
/// refused analytics left out), and answers forecasts, targets and backtests. GMV is the purchase revenue the day rows
/// hold, in the tenant's currency.
/// </summary>
internal sealed class ConsumerAssetsForecasts(Database database, AiplStore store, AiplQueries queries, ITenantDirectory tenants, TimeProvider clock)
{
    public const int MaxMonths = 12;

    /// <summary>The most month ends a history holds (the latest ones): the card learns from the last 12 transitions, the baselines from these.</summary>
    public const int MaxHistoryMonths = 60;
    public const int MinMonths = 3;

    public async Task<Result<GmvForecastView>> ForecastAsync(Caller caller, int? months, string? category, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ahead = months ?? 6;
        if (ahead is < MinMonths or > MaxMonths)
            return MarketingErrors.BadMonths(MinMonths, MaxMonths);
        var trained = await TrainAsync(caller.Tenant, category, LastMonthEnd(Today()), "months", ct);
        if (!trained.IsSuccess)
            return trained.Error;
        var (cat, history, card, currency) = trained.Value;
        var months2 = GmvForecast.Forecast(card, ahead);
        var end = history.MonthEnds[^1];
        return new GmvForecastView(AiplStages.ToApi(cat), currency.Code, end, card.Transitions, CardRows(card, currency), Major(card.NewYieldPerPerson, currency),
            Math.Round(card.RelativeError, 4),
            months2.Select(m => new ForecastMonth(MonthName(end.AddDays(1).AddMonths(m.Ahead - 1)), Major(m.Gmv, currency), Major(m.Low, currency), Major(m.High, currency), People(m.Counts))).ToList());
    }

    public async Task<Result<GmvTargetView>> TargetAsync(Caller caller, GmvTargetRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (request?.Gmv is not { } target || target <= 0 || target > Money.MaxMinorUnits)
            return MarketingErrors.BadTarget("gmv", "'gmv' is the month's GMV to reach, a positive amount in the tenant's currency.");
        var ahead = request.MonthsAhead ?? 6;
        if (ahead is < 1 or > MaxMonths)
            return MarketingErrors.BadMonths(1, MaxMonths, "monthsAhead");
        var trained = await TrainAsync(caller.Tenant, request.Category, LastMonthEnd(Today()), "monthsAhead", ct);
        if (!trained.IsSuccess)
            return trained.Error;
        var (cat, history, card, currency) = trained.Value;
        var (perPerson, fromNew) = GmvForecast.ExchangeRates(card, ahead);
        decimal fromNow = 0;
        for (var i = 0; i < GmvForecast.States; i++)
            fromNow += card.Counts[i] * perPerson[i];
        var targetMinor = target * Factor(currency);
        var factor = fromNow == 0 ? 0 : Math.Max(0, (targetMinor - fromNew) / fromNow);
        var needs = Enumerable.Range(0, GmvForecast.States).Select(i => new StageNeed(
            GmvForecast.StateNames[i], card.Counts[i], Math.Ceiling(card.Counts[i] * factor), Math.Ceiling(card.Counts[i] * factor) - card.Counts[i], Major(perPerson[i], currency))).ToList();
        return new GmvTargetView(AiplStages.ToApi(cat), currency.Code, MonthName(history.MonthEnds[^1].AddDays(1).AddMonths(ahead - 1)), target,
            Major(fromNow + fromNew, currency), Major(fromNew, currency), needs);
    }

    public async Task<Result<BacktestView>> BacktestAsync(Caller caller, string? trainUntil, int? months, string? category, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(trainUntil))
            return MarketingErrors.BadDate(trainUntil, "trainUntil");
        var until = queries.Day(trainUntil, "trainUntil");
        if (!until.IsSuccess)
            return until.Error;
        var ahead = months ?? 3;
        if (ahead is < 1 or > MaxMonths)
            return MarketingErrors.BadMonths(1, MaxMonths);
        if (AiplStages.DateOf(until.Value) >= Today())
            return MarketingErrors.TrainUntilNotPast();
        var end = LastMonthEnd(AiplStages.DateOf(until.Value));
        var full = await HistoryAsync(caller.Tenant, category, end.AddDays(1).AddMonths(ahead).AddDays(-1), ct);
        if (!full.IsSuccess)
            return full.Error;
        var (cat, history, currency) = full.Value;
        var trainEnds = history.MonthEnds.Count(m => m <= end);
        if (trainEnds - 1 < GmvForecast.MinTransitions)
            return MarketingErrors.NotEnoughHistory(GmvForecast.MinTransitions + 1, Math.Max(0, trainEnds), "trainUntil");
        var train = new GmvForecast.History(history.MonthEnds.Take(trainEnds).ToList(), history.StateAt.Take(trainEnds).ToList(), history.GmvIn.Take(trainEnds).ToList());
        var card = GmvForecast.Learn(train);
        var forecast = GmvForecast.Forecast(card, ahead);
        var monthly = history.GmvIn.Select(g => (decimal)g.Sum()).ToList();
        var trend = GmvForecast.LinearTrend(monthly.Take(trainEnds).ToList(), ahead);
        var rows = new List<BacktestMonth>();
        for (var h = 1; h <= ahead; h++)
        {
            var index = trainEnds - 1 + h;
            var monthEnd = end.AddDays(1).AddMonths(h).AddDays(-1);
            var actual = index < monthly.Count ? monthly[index] : 0;
            var lastYear = history.MonthEnds.ToList().FindIndex(m => m == monthEnd.AddDays(1).AddYears(-1).AddDays(-1));
            var naive = lastYear >= 0 && lastYear < trainEnds && lastYear > 0 ? monthly[lastYear] : monthly[trainEnds - 1];
            var f = forecast[h - 1];
            rows.Add(new BacktestMonth(MonthName(monthEnd), Major(actual, currency), Major(f.Gmv, currency), Error(actual, f.Gmv), Major(naive, currency), Error(actual, naive),
                Major(trend[h - 1], currency), Error(actual, trend[h - 1]), Major(f.Low, currency), Major(f.High, currency)));
        }
        var actuals = rows.Select(r => r.Actual).ToList();
        return new BacktestView(AiplStages.ToApi(cat), currency.Code, end, rows,
            Round(GmvForecast.Mape(rows.Select(r => (r.Actual, r.Forecast)))), Round(GmvForecast.Mape(rows.Select(r => (r.Actual, r.SeasonalNaive)))),
            Round(GmvForecast.Mape(rows.Select(r => (r.Actual, r.LinearTrend)))),
            "seasonal naive: the same month a year before when the history has it (a whole month, not the first), else the last trained month; linear trend: least squares over the trained months");
    }

    private static decimal? Error(decimal actual, decimal forecast) => actual == 0 ? null : Math.Round((forecast - actual) / actual * 100, 1);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1) : null;

    private async Task<Result<(string Category, GmvForecast.History History, GmvForecast.Card Card, Currency Currency)>> TrainAsync(
        TenantId tenant, string? category, DateOnly until, string field, CancellationToken ct)
    {
        var built = await HistoryAsync(tenant, category, until, ct);
        if (!built.IsSuccess)
            return built.Error;
        var (cat, history, currency) = built.Value;
        if (history.MonthEnds.Count - 1 < GmvForecast.MinTransitions)
            return MarketingErrors.NotEnoughHistory(GmvForecast.MinTransitions + 1, history.MonthEnds.Count, field);
        return (cat, history, GmvForecast.Learn(history), currency);
    }

    /// <summary>Month ends from the month of the category's first row up to <paramref name="until"/>, each person's state at each, and GMV per month.</summary>
    private async Task<Result<(string Category, GmvForecast.History History, Currency Currency)>> HistoryAsync(TenantId tenant, string? category, DateOnly until, CancellationToken ct)
    {
        var cat = await queries.CategoryAsync(tenant, category, ct);
        if (!cat.IsSuccess)
            return cat.Error;
        var info = await tenants.FindAsync(tenant, ct);
        if (info is null)
            return MarketingErrors.UnknownTenant(tenant.Value);
        var rules = await queries.RulesAsync(tenant, ct);
        var lastDay = AiplStages.DayOf(until);
        var rows = await database.ReadAsync(c => store.RangeAsync(c, tenant, cat.Value, int.MinValue / 2, lastDay), ct);
        if (rows.Count == 0)
            return (cat.Value, new GmvForecast.History([], [], []), info.Currency);
        var firstDate = AiplStages.DateOf(rows.Min(r => r.Day));
        var firstEnd = new DateOnly(firstDate.Year, firstDate.Month, 1).AddMonths(1).AddDays(-1);
        var earliest = new DateOnly(until.Year, until.Month, 1).AddMonths(2 - MaxHistoryMonths).AddDays(-1);
        var monthEnds = new List<DateOnly>();
        for (var m = firstEnd > earliest ? firstEnd : earliest; m <= until; m = m.AddDays(1).AddMonths(1).AddDays(-1))
            monthEnds.Add(m);
        var people = rows.GroupBy(r => r.ProfileId, StringComparer.Ordinal).Select(g => g.OrderBy(r => r.Day).ToList()).ToList();
        var stateAt = monthEnds.Select(_ => new int[people.Count]).ToList();
        var gmvIn = monthEnds.Select(_ => new long[people.Count]).ToList();
        var endDays = monthEnds.Select(AiplStages.DayOf).ToArray();
        var firstDay = monthEnds.Count == 0 ? 0 : AiplStages.DayOf(new DateOnly(monthEnds[0].Year, monthEnds[0].Month, 1));
        for (var p = 0; p < people.Count; p++)
        {
            var days = people[p].Select(r => (r.Day, (AiplKinds)r.Kinds)).ToList();
            for (var t = 0; t < endDays.Length; t++)
            {
                var stage = rules.StageOn(endDays[t], days);
                stateAt[t][p] = stage != AiplStage.Outside ? (int)stage - 1 : people[p][0].Day <= endDays[t] ? GmvForecast.Lost : -1;
            }
            foreach (var row in people[p])
            {
                // Spending before the first month of the history belongs to no month of it.
                if (row.Day < firstDay)
                    continue;
                var t = Array.FindIndex(endDays, e => row.Day <= e);
                if (t >= 0)
                    gmvIn[t][p] += row.RevenueMinor;
            }
        }
        return (cat.Value, new GmvForecast.History(monthEnds, stateAt, gmvIn), info.Currency);
    }

    private static List<CardRow> CardRows(GmvForecast.Card card, Currency currency) =>
        Enumerable.Range(0, GmvForecast.States).Select(i => new CardRow(
            GmvForecast.StateNames[i], card.Counts[i], Major(card.YieldPerPerson[i], currency),
            Enumerable.Range(0, GmvForecast.States).ToDictionary(j => GmvForecast.StateNames[j], j => Math.Round(card.Rates[i, j], 4), StringComparer.Ordinal),
            Math.Round(card.NewPerMonth[i], 1))).ToList();

    private static Dictionary<string, decimal> People(decimal[] counts) =>
        Enumerable.Range(0, GmvForecast.States).ToDictionary(i => GmvForecast.StateNames[i], i => Math.Round(counts[i], 0), StringComparer.Ordinal);

    private static decimal Factor(Currency currency)
    {
        var factor = 1m;
        for (var i = 0; i < currency.Exponent; i++)
            factor *= 10;
        return factor;
    }

    private static decimal Major(decimal minor, Currency currency) => Math.Round(minor / Factor(currency), currency.Exponent, MidpointRounding.ToEven);

    private static string MonthName(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The last day of the last whole month on or before <paramref name="day"/>.</summary>
    private static DateOnly LastMonthEnd(DateOnly day) =>
        day.AddDays(1).Day == 1 ? day : new DateOnly(day.Year, day.Month, 1).AddDays(-1);
}
