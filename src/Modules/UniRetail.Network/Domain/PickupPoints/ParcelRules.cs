namespace UniRetail.Network.Domain.PickupPoints;

/// <summary>Where a parcel is, as the counter and the database write it.</summary>
internal static class ParcelStatuses
{
    public const string Expected = "expected";
    public const string Arrived = "arrived";
    public const string HandedOver = "handed_over";
    public const string Returned = "returned";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Expected, Arrived, HandedOver, Returned, Cancelled];
}

/// <summary>
/// The counter's rules. A wrong handover code counts against the parcel: after <see cref="MaxFailedAttempts"/> wrong codes
/// within <see cref="LockWindow"/> the parcel takes no code until the window has passed since the last wrong one (eight
/// digits at five tries a quarter of an hour cannot be guessed). A parcel nobody collected may go back to the platform
/// once it has waited its point's hold days since it arrived, or at once when the platform cancelled the order.
/// </summary>
internal static class ParcelRules
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockWindow = TimeSpan.FromMinutes(15);

    /// <summary>Wrong codes that still count at <paramref name="nowMs"/>: none once the last is older than the window.</summary>
    public static int CountingFailures(int failedAttempts, long? lastFailedAtMs, long nowMs) =>
        lastFailedAtMs is { } last && last >= nowMs - (long)LockWindow.TotalMilliseconds ? failedAttempts : 0;

    public static int AttemptsLeft(int failedAttempts, long? lastFailedAtMs, long nowMs) =>
        Math.Max(0, MaxFailedAttempts - CountingFailures(failedAttempts, lastFailedAtMs, nowMs));

    /// <summary>When a locked parcel takes a code again.</summary>
    public static DateTimeOffset UnlocksAt(long lastFailedAtMs) => DateTimeOffset.FromUnixTimeMilliseconds(lastFailedAtMs) + LockWindow;

    /// <summary>The first moment an uncollected parcel may go back.</summary>
    public static DateTimeOffset ReturnableFrom(long arrivedAtMs, int holdDays) => DateTimeOffset.FromUnixTimeMilliseconds(arrivedAtMs).AddDays(holdDays);
}
