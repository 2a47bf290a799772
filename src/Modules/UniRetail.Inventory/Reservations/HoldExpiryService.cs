using Microsoft.Extensions.Logging;
using UniRetail.Data;

namespace UniRetail.Inventory.Reservations;

/// <summary>Every few seconds, returns expired holds to sale (and so cancels the unpaid orders that held them).</summary>
internal sealed class HoldExpiryService(ManageHolds holds, TimeProvider clock, ILogger<HoldExpiryService> logger) : PeriodicWork(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override string Work => "Released expired stock holds";

    protected override Task<int> RunOnceAsync(CancellationToken ct) => holds.ExpireDueAsync(ct);
}
