using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UniRetail.Inventory.Reservations;

/// <summary>Every few seconds, returns expired holds to sale (and so cancels the unpaid orders that held them).</summary>
internal sealed class HoldExpiryService(ManageHolds holds, TimeProvider clock, ILogger<HoldExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await holds.ExpireDueAsync(stoppingToken);
                if (expired > 0)
                    logger.LogInformation("Released {Count} expired stock holds", expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Releasing expired stock holds failed; will retry");
            }
        }
    }
}
