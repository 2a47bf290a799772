using Microsoft.Extensions.Logging;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Projection;

/// <summary>
/// Runs a tenant's re-stitch: replays its events, in the projector's order and through the projector's own planning, into
/// a graph cleared when the job started, a batch per transaction that also moves the job's position. It replays up to
/// where the live projector has read (which leaves this tenant's events alone meanwhile) and finishes, holding the
/// projector's position, once nothing is left below it. Killed at any point, it resumes from the last batch it saved.
/// </summary>
internal sealed class Restitcher(
    Database database, ProfileProjector projector, EventFeed feed, ProjectionStore positions, RestitchStore jobs, AiplSettings aiplSettings, TimeProvider clock, ILogger<Restitcher> logger)
{
    private const int Attempts = 5;

    /// <summary>Replays one batch, or finishes the job when nothing is left; returns how many events it replayed.</summary>
    public async Task<RestitchProgress> StepAsync(TenantId tenant, CancellationToken ct, int batchSize = ProfileProjector.BatchSize)
    {
        for (var attempt = 1; ; attempt++)
        {
            var job = await database.ReadAsync(c => jobs.FindAsync(c, tenant), ct);
            if (job is null || job.FinishedAtMs is not null)
                return new RestitchProgress(0, Finished: true);
            var upTo = await database.ReadAsync(c => positions.PositionAsync(c, ProfileProjector.Name), ct);
            var rows = await database.ReadAsync(c => feed.ReadTenantAsync(c, tenant, job.Position, upTo, batchSize, aiplSettings.Enabled), ct);
            Result<Unit> saved;
            try
            {
                saved = rows.Count == 0
                    ? await database.WriteAsync(session => FinishAsync(session, tenant, job, upTo), ct)
                    : await ReplayAsync(tenant, job, rows, ct);
            }
            catch (Exception ex) when (attempt < Attempts && ex is KeyNotFoundException or System.Data.Common.DbException)
            {
                saved = MarketingErrors.ProjectionRaced(ex.Message);
            }
            if (saved.IsSuccess)
                return new RestitchProgress(rows.Count, Finished: rows.Count == 0);
            if (attempt == Attempts)
            {
                // Another server is stepping the same job: it makes the progress; this step ends with none.
                logger.LogInformation("The re-stitch of {Tenant} lost {Attempts} races in a row ({Reason}); leaving this step.", tenant.Value, Attempts, saved.Error.Message);
                return new RestitchProgress(0, Finished: false);
            }
        }
    }

    /// <summary>
    /// Runs the tenant's job to its end (the CLI's way; the server steps every running job in the background), or until
    /// <paramref name="budget"/> is spent (a start request's inline part); returns how many events it replayed.
    /// </summary>
    public async Task<long> RunAsync(TenantId tenant, IProgress<long>? progress, CancellationToken ct, TimeSpan? budget = null)
    {
        var since = clock.GetTimestamp();
        long replayed = 0;
        while (budget is not { } b || clock.GetElapsedTime(since) < b)
        {
            var step = await StepAsync(tenant, ct);
            if (step.Finished)
                break;
            replayed += step.Replayed;
            progress?.Report(replayed);
        }
        return replayed;
    }

    /// <summary>Steps every running re-stitch once; what the projector's background loop calls.</summary>
    public async Task StepAllAsync(CancellationToken ct)
    {
        foreach (var tenant in await database.ReadAsync(c => jobs.RunningAsync(c), ct))
            await StepAsync(new TenantId(tenant), ct);
    }

    private async Task<Result<Unit>> ReplayAsync(TenantId tenant, RestitchRow job, List<FeedRow> rows, CancellationToken ct)
    {
        var graph = await projector.PlanAsync(tenant, rows, ct);
        var to = new FeedPosition(rows[^1].TxId, rows[^1].EventSeq);
        return await database.WriteAsync(async session =>
        {
            if (!await jobs.AdvanceAsync(session, tenant, job.JobId, job.Position, to, rows.Count))
                return MarketingErrors.ProjectionRaced("the re-stitch moved");
            return await projector.SaveGraphsAsync(session, [graph]);
        }, ct);
    }

    private async Task<Result<Unit>> FinishAsync(DbSession session, TenantId tenant, RestitchRow job, FeedPosition upTo)
    {
        // Holding the projector's row: it cannot save a batch that skipped this tenant after the job is marked finished.
        if (await positions.LockAsync(session, ProfileProjector.Name, Now) != upTo)
            return MarketingErrors.ProjectionRaced("the projector moved on");
        if (!await jobs.FinishAsync(session, tenant, job.JobId, job.Position, Now))
            return MarketingErrors.ProjectionRaced("the re-stitch moved");
        return Unit.Value;
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}

/// <summary>What one step of a re-stitch did.</summary>
internal readonly record struct RestitchProgress(int Replayed, bool Finished);
