using System.Globalization;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>Why a location was not used, as the routing explanation words it.</summary>
internal static class SkipReasons
{
    public const string Closed = "closed";
    public const string DoesNotShip = "does not ship";
    public const string NoPickup = "does not offer pickup";
    public const string NoSameDay = "does not deliver same day";
    public const string OriginatingStore = "originating store";

    public static string? CapacityReached(SourcingCandidate candidate) =>
        candidate.HasCapacityLeft ? null : $"daily capacity {candidate.Location.DailyCapacity} reached";

    public static string? OutsideRadius(SourcingCandidate candidate, double distanceKm) =>
        distanceKm <= candidate.Location.DeliveryRadiusKm
            ? null
            : $"outside delivery radius {Km(candidate.Location.DeliveryRadiusKm)} km at {Km(distanceKm)} km";

    /// <summary>The first SKU the location cannot supply without touching safety stock, or null when it covers them all.</summary>
    public static string? Shortfall(SourcingCandidate candidate, IReadOnlyList<SkuDemand> demand)
    {
        foreach (var line in demand)
        {
            var available = candidate.AvailableOf(line.Sku);
            if (available >= line.Units)
                continue;
            if (candidate.OnShelfOf(line.Sku) >= line.Units)
                return $"would dip into safety stock for {line.Sku}";
            return available <= 0
                ? $"out of stock for {line.Sku}"
                : $"only {available} of {line.Units} available for {line.Sku}";
        }
        return null;
    }

    public static string Farther(Considered chosen) => $"farther than {chosen.Code} ({Km(chosen.DistanceKm)} km)";

    public static string Km(double km) => RoundKm(km).ToString("0.0", CultureInfo.InvariantCulture);

    public static double RoundKm(double km) => Math.Round(km, 1, MidpointRounding.AwayFromZero);
}
