using Microsoft.Extensions.Logging;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Projection;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>
/// Keeps each tenant's AIPL history: the snapshot of a finished UTC day (counts per category and stage), taken once, on the
/// first pass after the profile projector has read every event received before the day ended. A day missed while no server
/// ran is taken late, up to <see cref="CatchUpDays"/> days back: a past day's stages come from the day rows, so the late
/// snapshot counts the same people (less anyone erased since). A snapshot already kept for a day, taken here, by another
/// server or by hand (<c>POST /api/marketing/aipl/snapshots</c>), is left as it is.
/// </summary>
internal sealed class DailySnapshots(
    Database database, AiplStore store, AiplQueries queries, EventFeed feed, ProjectionStore positions, RestitchStore restitches, TimeProvider clock)
{
    /// <summary>How many finished days back a pass takes the snapshots still missing.</summary>
    public const int CatchUpDays = 7;

    private const long DayMs = 86_400_000;

    /// <summary>Takes the snapshots due now; returns how many (tenant and day) it saved.</summary>
    public async Task<int> TakeDueAsync(CancellationToken ct)
    {
        var lastFinished = AiplStages.DayOf(clock.GetUtcNow().ToUnixTimeMilliseconds()) - 1;
        var (pending, tenants, restitching) = await database.ReadAsync(async c =>
        {
            var position = await positions.PositionAsync(c, ProfileProjector.Name);
            return (await feed.AnyReceivedBeforeAsync(c, position, (lastFinished + 1) * DayMs), await store.SnapshotTenantsAsync(c, lastFinished), await restitches.RunningAsync(c));
        }, ct);
        // Events of the day still unread would be missing from its counts; the projector reads them within a pass or two.
        if (pending)
            return 0;
        var taken = 0;
        foreach (var (tenant, lastKept) in tenants)
        {
            // A re-stitch clears the tenant's day rows and replays its events: its counts are partial until it ends.
            if (restitching.Contains(tenant))
                continue;
            var first = Math.Max(lastFinished - CatchUpDays + 1, lastKept is { } kept ? kept + 1 : int.MinValue);
            for (var day = first; day <= lastFinished; day++)
            {
                if (await TakeAsync(new TenantId(tenant), day, ct))
                    taken++;
            }
        }
        return taken;
    }

    /// <summary>The tenant's snapshot of the day, unless one is kept already (then false).</summary>
    internal async Task<bool> TakeAsync(TenantId tenant, int day, CancellationToken ct)
    {
        var rows = AiplQueries.SnapshotRows(await queries.EveryCategoryAsync(tenant, day, ct), day);
        var saved = await database.WriteAsync(
            async session => Result<bool>.Success(await store.SaveSnapshotOnceAsync(session, tenant, rows, clock.GetUtcNow().ToUnixTimeMilliseconds())), ct);
        return saved.Value;
    }
}

/// <summary>Runs <see cref="DailySnapshots"/> every minute in the server.</summary>
internal sealed class DailySnapshotService(DailySnapshots snapshots, TimeProvider clock, ILogger<DailySnapshotService> logger) : PeriodicWork(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override string Work => "Took the daily AIPL snapshots (tenant and day)";

    protected override Task<int> RunOnceAsync(CancellationToken ct) => snapshots.TakeDueAsync(ct);
}
