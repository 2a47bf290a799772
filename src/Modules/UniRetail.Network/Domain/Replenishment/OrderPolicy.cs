using UniRetail.Network.Domain.Forecasting;

namespace UniRetail.Network.Domain.Replenishment;

/// <summary>
/// How a shop reorders one SKU: a periodic review every <see cref="CycleDays"/> (its delivery cycle), goods arriving
/// <see cref="LeadTimeDays"/> after the order, stocked up to cover both with the safety stock that meets
/// <see cref="ServiceLevel"/> (the chance of not running out in a cycle), ordered in whole case packs and at least the
/// minimum order. Made only through <see cref="Create"/>, so a policy that exists is valid.
/// </summary>
internal sealed record OrderPolicy
{
    public const int MaxDays = 90;
    public const int MaxCasePack = 10_000;
    public const int MaxMinimumUnits = 100_000;

    private OrderPolicy(decimal serviceLevel, int leadTimeDays, int cycleDays, int casePack, int minimumUnits)
    {
        ServiceLevel = serviceLevel;
        LeadTimeDays = leadTimeDays;
        CycleDays = cycleDays;
        CasePack = casePack;
        MinimumUnits = minimumUnits;
        SafetyFactor = NormalQuantile.Of((double)serviceLevel);
    }

    public decimal ServiceLevel { get; }

    public int LeadTimeDays { get; }

    public int CycleDays { get; }

    public int CasePack { get; }

    public int MinimumUnits { get; }

    /// <summary>z: how many standard deviations of demand over the cover the safety stock holds.</summary>
    public double SafetyFactor { get; }

    /// <summary>The days an order must last: until the delivery after next arrives.</summary>
    public int CoverDays => LeadTimeDays + CycleDays;

    public static Kernel.Result<OrderPolicy> Create(decimal serviceLevel, int leadTimeDays, int cycleDays, int casePack = 1, int minimumUnits = 0)
    {
        if (serviceLevel is < 0.5m or > 0.999m)
            return NetworkErrors.BadServiceLevel("serviceLevel");
        if (leadTimeDays is < 0 or > MaxDays)
            return NetworkErrors.BadDays("leadTimeDays", 0);
        if (cycleDays is < 1 or > MaxDays)
            return NetworkErrors.BadDays("cycleDays", 1);
        if (casePack is < 1 or > MaxCasePack)
            return NetworkErrors.BadCasePack("casePack");
        if (minimumUnits is < 0 or > MaxMinimumUnits)
            return NetworkErrors.BadMinimumOrder("minimumUnits");
        return new OrderPolicy(serviceLevel, leadTimeDays, cycleDays, casePack, minimumUnits);
    }

    /// <summary>The stock the shop should hold after ordering: expected demand over the cover plus the safety stock.</summary>
    public (double Expected, double Safety) Target(DemandForecast forecast)
    {
        var expected = 0.0;
        for (var d = 0; d < CoverDays && d < forecast.Daily.Length; d++)
            expected += forecast.Daily[d];
        var safety = SafetyFactor * forecast.DailyErrorSd * Math.Sqrt(CoverDays);
        return (expected, Math.Max(0, safety));
    }

    /// <summary>The suggested order and the reasons for it.</summary>
    public OrderAdvice Advise(DemandForecast forecast, int onHand, int onOrder)
    {
        var (expected, safety) = Target(forecast);
        var orderUpTo = (int)Math.Ceiling(expected + safety - 1e-9);
        var need = Math.Max(0, orderUpTo - Math.Max(0, onHand) - Math.Max(0, onOrder));
        var units = 0;
        if (need > 0)
        {
            var cases = (need + CasePack - 1) / CasePack;
            var minimumCases = (MinimumUnits + CasePack - 1) / CasePack;
            units = Math.Max(cases, minimumCases) * CasePack;
        }
        return new OrderAdvice(units, units / CasePack, forecast.Method, Math.Round(expected, 2), Math.Round(safety, 2), orderUpTo, onHand, onOrder, need);
    }
}

/// <summary>
/// A suggested order and why: the forecast over the cover, the safety stock, the level they make, what is on hand and on
/// order, the shortfall, and the shortfall rounded up to whole cases and the minimum order.
/// </summary>
internal sealed record OrderAdvice(
    int Units,
    int Cases,
    string Method,
    double ForecastUnits,
    double SafetyStock,
    int OrderUpTo,
    int OnHand,
    int OnOrder,
    int Shortfall);
