using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UniRetail.Data;

/// <summary>
/// Background work a server does on a timer (expired holds, due loyalty accounts): one pass per tick, what it did logged
/// when it did anything, a failed pass logged and retried at the next tick rather than stopping the server.
/// </summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What a pass does, for the log: "released expired stock holds".</summary>
    protected abstract string Work { get; }

    /// <summary>One pass; returns how many things it changed.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var done = await RunOnceAsync(stoppingToken);
                if (done > 0)
                    logger.LogInformation("{Work}: {Count}", Work, done);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Work} failed; will retry", Work);
            }
        }
    }
}
