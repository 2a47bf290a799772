namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>
/// The AIPL "exchange-rate card" as a model: people move between states month by month at the rates the tenant's own
/// history shows, and each state yields GMV in the following month at its historical rate. States are the four stages,
/// "lost" (seen before, in no stage now) and, for people not seen yet, a monthly inflow of new people per stage.
/// Plain arithmetic in decimal, no I/O; <see cref="History"/> is built from the day rows by <see cref="ConsumerAssetsForecasts"/>.
/// </summary>
internal static class GmvForecast
{
    /// <summary>The states a known person is in at a month end: the four stages and lost.</summary>
    public const int States = 5;
    public const int Lost = 4;

    public static readonly IReadOnlyList<string> StateNames = ["aware", "interested", "purchased", "loyal", "lost"];

    /// <summary>The fewest month-to-month transitions the model estimates from.</summary>
    public const int MinTransitions = 3;

    /// <summary>The most transitions (months) the rates are pooled over: a year, so each calendar month weighs once.</summary>
    public const int MaxTransitions = 12;

    /// <summary>
    /// Month-end states of every person (index 0..4, or -1 before their first row) for each month end, and the GMV (minor
    /// units) each person spent in each month; month <c>t</c>'s GMV is what was spent after month end <c>t-1</c> up to month end <c>t</c>.
    /// </summary>
    public sealed record History(IReadOnlyList<DateOnly> MonthEnds, IReadOnlyList<int[]> StateAt, IReadOnlyList<long[]> GmvIn);

    /// <summary>What the model learnt: the transition rates, the GMV per person of each state, the monthly inflow of new people.</summary>
    public sealed record Card(decimal[,] Rates, decimal[] YieldPerPerson, decimal[] NewPerMonth, decimal NewYieldPerPerson, decimal[] Counts, int Transitions, decimal RelativeError);

    /// <summary>One forecast month: the AIPL counts at its end, its GMV and the interval around it (minor units).</summary>
    public sealed record Month(int Ahead, decimal[] Counts, decimal Gmv, decimal Low, decimal High);

    /// <summary>Estimates the card from the last <see cref="MaxTransitions"/> transitions of the history.</summary>
    public static Card Learn(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ends = history.MonthEnds.Count;
        var first = Math.Max(0, ends - 1 - MaxTransitions);
        var moved = new decimal[States, States];
        var from = new decimal[States];
        var spent = new decimal[States];
        var newcomers = new decimal[States];
        decimal newSpent = 0, newPeople = 0;
        for (var t = first; t < ends - 1; t++)
        {
            var before = history.StateAt[t];
            var after = history.StateAt[t + 1];
            var gmv = history.GmvIn[t + 1];
            for (var p = 0; p < before.Length; p++)
            {
                if (before[p] >= 0)
                {
                    from[before[p]]++;
                    spent[before[p]] += gmv[p];
                    moved[before[p], after[p]]++;
                }
                else if (after[p] >= 0)
                {
                    newcomers[after[p]]++;
                    newPeople++;
                    newSpent += gmv[p];
                }
            }
        }
        var transitions = ends - 1 - first;
        var rates = new decimal[States, States];
        var yields = new decimal[States];
        for (var i = 0; i < States; i++)
        {
            yields[i] = from[i] == 0 ? 0 : spent[i] / from[i];
            for (var j = 0; j < States; j++)
                rates[i, j] = from[i] == 0 ? (i == j ? 1 : 0) : moved[i, j] / from[i];
        }
        var newPerMonth = newcomers.Select(n => transitions == 0 ? 0 : n / transitions).ToArray();
        var counts = CountsAt(history.StateAt[ends - 1]);
        var card = new Card(rates, yields, newPerMonth, newPeople == 0 ? 0 : newSpent / newPeople, counts, transitions, 0);
        return card with { RelativeError = InSampleError(history, card, first) };
    }

    /// <summary>
    /// The spread of the model's one-month-ahead errors inside the training months (root mean square of actual/forecast − 1):
    /// what the interval widens by, by the square root of the months ahead.
    /// </summary>
    private static decimal InSampleError(History history, Card card, int first)
    {
        var squares = new List<double>();
        for (var t = first; t < history.MonthEnds.Count - 1; t++)
        {
            var forecast = Gmv(CountsAt(history.StateAt[t]), card);
            var actual = history.GmvIn[t + 1].Sum();
            if (forecast > 0)
                squares.Add(Math.Pow((double)(actual / forecast) - 1, 2));
        }
        return squares.Count == 0 ? 0 : (decimal)Math.Sqrt(squares.Average());
    }

    public static decimal[] CountsAt(int[] states)
    {
        var counts = new decimal[States];
        foreach (var s in states)
        {
            if (s >= 0)
                counts[s]++;
        }
        return counts;
    }

    /// <summary>The GMV of the month after a month end with these counts.</summary>
    private static decimal Gmv(decimal[] counts, Card card)
    {
        decimal gmv = 0;
        for (var i = 0; i < States; i++)
            gmv += counts[i] * card.YieldPerPerson[i];
        return gmv + card.NewPerMonth.Sum() * card.NewYieldPerPerson;
    }

    /// <summary>The next <paramref name="months"/> months from the card's latest counts.</summary>
    public static List<Month> Forecast(Card card, int months)
    {
        ArgumentNullException.ThrowIfNull(card);
        var result = new List<Month>(months);
        var counts = card.Counts;
        for (var h = 1; h <= months; h++)
        {
            var gmv = Gmv(counts, card);
            var next = new decimal[States];
            for (var i = 0; i < States; i++)
            {
                for (var j = 0; j < States; j++)
                    next[j] += counts[i] * card.Rates[i, j];
            }
            for (var j = 0; j < States; j++)
                next[j] += card.NewPerMonth[j];
            var spread = 1.96m * card.RelativeError * (decimal)Math.Sqrt(h);
            result.Add(new Month(h, next, gmv, Math.Max(0, gmv * (1 - spread)), gmv * (1 + spread)));
            counts = next;
        }
        return result;
    }

    /// <summary>
    /// GMV per person now in each state in the month <paramref name="ahead"/> months from now (the exchange rate of a
    /// stage), and the GMV that people not yet seen bring that month.
    /// </summary>
    public static (decimal[] PerPerson, decimal FromNewPeople) ExchangeRates(Card card, int ahead)
    {
        ArgumentNullException.ThrowIfNull(card);
        // Where one person now in state i is expected to be after k months: row i of rates^k.
        var perPerson = new decimal[States];
        for (var i = 0; i < States; i++)
        {
            var at = new decimal[States];
            at[i] = 1;
            for (var k = 1; k < ahead; k++)
                at = Step(at, card);
            for (var j = 0; j < States; j++)
                perPerson[i] += at[j] * card.YieldPerPerson[j];
        }
        var unit = new Card(card.Rates, card.YieldPerPerson, card.NewPerMonth, card.NewYieldPerPerson, new decimal[States], card.Transitions, card.RelativeError);
        var fromNew = Forecast(unit, ahead)[^1].Gmv;
        return (perPerson, fromNew);
    }

    private static decimal[] Step(decimal[] counts, Card card)
    {
        var next = new decimal[States];
        for (var i = 0; i < States; i++)
        {
            for (var j = 0; j < States; j++)
                next[j] += counts[i] * card.Rates[i, j];
        }
        return next;
    }

    /// <summary>Mean absolute percentage error of forecasts against actuals (months with an actual of zero are left out).</summary>
    public static decimal? Mape(IEnumerable<(decimal Actual, decimal Forecast)> months)
    {
        var errors = months.Where(m => m.Actual != 0).Select(m => Math.Abs((m.Forecast - m.Actual) / m.Actual)).ToList();
        return errors.Count == 0 ? null : errors.Average() * 100;
    }

    /// <summary>A straight line fitted by least squares to the series, extended <paramref name="months"/> steps.</summary>
    public static List<decimal> LinearTrend(IReadOnlyList<decimal> series, int months)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var meanX = (n - 1) / 2m;
        var meanY = series.Average();
        decimal sxy = 0, sxx = 0;
        for (var x = 0; x < n; x++)
        {
            sxy += (x - meanX) * (series[x] - meanY);
            sxx += (x - meanX) * (x - meanX);
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        return Enumerable.Range(n, months).Select(x => Math.Max(0, meanY + slope * (x - meanX))).ToList();
    }
}
