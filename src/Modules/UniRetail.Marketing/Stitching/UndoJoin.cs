using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Stitching;

/// <summary>
/// Undoes a join: the identifiers the event attached (those still on the profile that holds them now) leave for a new
/// profile of their own, both profiles' traits and aggregates are rebuilt from their own events, and consent stays where
/// it is. The two are kept apart from then on, as after an undone merge: the same evidence arriving again goes to the
/// profile of its strongest identifier and leaves the other identifiers where they are.
/// </summary>
internal sealed class UndoJoin(
    Database database, JoinStore joins, MergeStore merges, ProfileStore profiles, IdentityStore identities, ProfileQueries queries, ProfileRebuilder rebuilder,
    RestitchProfiles restitch, TimeProvider clock)
{
    public async Task<Result<JoinView>> HandleAsync(Caller caller, string joinId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tenant = caller.Tenant;
        return await database.WriteAsync(async session =>
        {
            if (await restitch.RunningAsync(session, tenant))
                return MarketingErrors.RestitchRunning();
            var join = await joins.FindAsync(session.Connection, tenant, joinId, session.Transaction);
            if (join is null)
                return MarketingErrors.UnknownJoin(joinId);
            if (join.UndoneAtMs is not null)
                return MarketingErrors.JoinAlreadyUndone(joinId);
            var holder = (await queries.LiveAsync(session.Connection, tenant, join.ProfileId, session.Transaction))?.ProfileId;
            if (holder is null)
                return MarketingErrors.JoinChanged(joinId);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var restored = NewId.With("prof");
            await profiles.InsertAsync(session, tenant, [new ProfileState(restored, now) { Version = 0 }]);
            var moved = await identities.MoveAsync(session, tenant, holder, restored, join.Identifiers);
            if (moved == 0)
                return MarketingErrors.JoinChanged(joinId);
            var kept = await rebuilder.RebuildAsync(session, tenant, holder);
            var split = await rebuilder.RebuildAsync(session, tenant, restored);
            if (kept is null || split is null)
                return MarketingErrors.JoinChanged(joinId);
            split.Consent.Clear();
            if (!await profiles.UpdateAsync(session, tenant, [kept, split]))
                return MarketingErrors.JoinChanged(joinId);
            if (!await joins.MarkUndoneAsync(session, tenant, joinId, holder, now))
                return MarketingErrors.JoinAlreadyUndone(joinId);
            // The same evidence arriving again must not undo the undo.
            await merges.KeepApartAsync(session, tenant, holder, restored, joinId, now);
            var undone = await joins.FindAsync(session.Connection, tenant, joinId, session.Transaction);
            return Result<JoinView>.Success(JoinView.From(undone!));
        }, ct);
    }
}
