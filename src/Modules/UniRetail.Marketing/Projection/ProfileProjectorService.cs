using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UniRetail.Marketing.Projection;

/// <summary>
/// Runs the profile projector in the server: catches up, then looks for new events every quarter second; and steps any
/// tenant's running re-stitch, a batch per tick, so a restarted server resumes it.
/// </summary>
internal sealed class ProfileProjectorService(ProfileProjector projector, Restitcher restitcher, TimeProvider clock, ILogger<ProfileProjectorService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await projector.DrainAsync(stoppingToken);
                await restitcher.StepAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Projecting events into profiles failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
