namespace UniRetail.Testing;

/// <summary>A clock the test moves by hand (hold expiry, opening hours, daily capacity).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <summary>Friday 20 November 2026, 10:00 London (UTC in winter): stores are open.</summary>
    public static DateTimeOffset TradingMorning { get; } = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
