using UniRetail.Network.Domain.Forecasting;

namespace UniRetail.Network.Domain.Replenishment;

/// <summary>From a SKU's daily sales to its suggested order: forecast (method chosen on the series' own past), then the policy.</summary>
internal static class Replenisher
{
    /// <summary>The window the method is chosen on, whatever the cover: a week of cover would judge methods on too little.</summary>
    public const int SelectionHorizon = 28;

    public static OrderAdvice Advise(ReadOnlySpan<double> history, OrderPolicy policy, int onHand, int onOrder)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var forecast = DemandForecaster.Default.Forecast(history, Math.Max(SelectionHorizon, policy.CoverDays));
        return policy.Advise(forecast, onHand, onOrder);
    }
}
