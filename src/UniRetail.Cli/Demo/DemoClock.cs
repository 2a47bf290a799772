namespace UniRetail.Cli.Demo;

/// <summary>The demo's trading day: starts at opening time and moves forward as the simulation advances it.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void AdvanceTo(DateTimeOffset instant)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _ticks);
            if (instant.UtcTicks <= current)
                return;
        }
        while (Interlocked.CompareExchange(ref _ticks, instant.UtcTicks, current) != current);
    }
}
