using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Projection;

namespace UniRetail.Marketing.Stitching;

/// <summary>A tenant's re-stitch: running or finished, how far it got, and the live profiles before and after.</summary>
internal sealed record RestitchView(
    string JobId, string State, string RequestedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, long EventsReplayed, long ProfilesBefore, long? ProfilesAfter)
{
    public static RestitchView From(RestitchRow row) => new(
        row.JobId, row.FinishedAtMs is null ? "running" : "finished", row.RequestedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAtMs),
        row.FinishedAtMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, row.EventsReplayed, row.ProfilesBefore, row.ProfilesAfter);
}

/// <summary>
/// Rebuilds a tenant's identity graph and profiles from its events with the rules in force now: what a tenant does after
/// changing its identity rules, to repair what the old rules stitched. Starting clears the graph and profiles (consent
/// recorded through the API is kept by its identifiers and given back at the end); the start replays for up to
/// <see cref="InlineBudget"/> (a small tenant's re-stitch is done by the answer) and the server goes on in the background
/// (<see cref="Restitcher"/>), profiles filling in as it goes. Starting while one runs answers that one. Each rebuilt
/// profile takes back the id of the old profile most of its identifiers came from.
/// </summary>
internal sealed class RestitchProfiles(Database database, RestitchStore jobs, ProjectionStore positions, Restitcher restitcher, AiplStore aipl, TimeProvider clock)
{
    /// <summary>How long a start request replays before answering "running" and leaving the rest to the background.</summary>
    public static readonly TimeSpan InlineBudget = TimeSpan.FromSeconds(2);

    /// <summary>Starts (or finds) the tenant's re-stitch and replays for up to <paramref name="inline"/> before answering.</summary>
    public async Task<Result<RestitchView>> StartAsync(Caller caller, string requestedBy, TimeSpan inline, CancellationToken ct)
    {
        var started = await StartAsync(caller, requestedBy, ct);
        if (!started.IsSuccess)
            return started;
        await restitcher.RunAsync(caller.Tenant, null, ct, inline);
        return await StatusAsync(caller, ct);
    }

    public async Task<Result<RestitchView>> StartAsync(Caller caller, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tenant = caller.Tenant;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<RestitchView>(async session =>
        {
            // Held first, so no projector batch saves this tenant's events between the clearing and the job's row.
            await positions.LockAsync(session, ProfileProjector.Name, now);
            if (await jobs.FindAsync(session.Connection, tenant, session.Transaction) is { FinishedAtMs: null } running)
                return RestitchView.From(running);
            await jobs.StartAsync(session, tenant, NewId.With("rst"), requestedBy, now, RecordConsent.ApiSource);
            // AIPL rows name the old profiles: the replay writes them again for the rebuilt ones.
            await aipl.DeleteTenantAsync(session, tenant);
            return RestitchView.From((await jobs.FindAsync(session.Connection, tenant, session.Transaction))!);
        }, ct);
    }

    public async Task<Result<RestitchView>> StatusAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var job = await database.ReadAsync(c => jobs.FindAsync(c, caller.Tenant), ct);
        return job is null ? MarketingErrors.NoRestitch() : RestitchView.From(job);
    }

    /// <summary>Whether the tenant's re-stitch is running, read in a write: what refuses changes to a graph being rebuilt.</summary>
    public async Task<bool> RunningAsync(DbSession session, TenantId tenant) =>
        await jobs.FindAsync(session.Connection, tenant, session.Transaction) is { FinishedAtMs: null };
}
