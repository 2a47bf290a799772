using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Stitching;

/// <summary>
/// Undoes a merge: the merged profile comes back with the identifiers it brought (those still on the profile that kept
/// them), both profiles' traits and aggregates are rebuilt from their own events, and each gets back its own consent.
/// Consent given after the merge stays with the profile that holds it now. The two are kept apart from then on: an event
/// linking them again goes to the profile of its strongest identifier and leaves the other identifier where it is.
/// </summary>
internal sealed class UndoMerge(
    Database database, MergeStore merges, ProfileStore profiles, IdentityStore identities, ProfileQueries queries, ProfileRebuilder rebuilder,
    RestitchProfiles restitch, TimeProvider clock)
{
    public async Task<Result<MergeView>> HandleAsync(Caller caller, string mergeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tenant = caller.Tenant;
        return await database.WriteAsync(async session =>
        {
            if (await restitch.RunningAsync(session, tenant))
                return MarketingErrors.RestitchRunning();
            var merge = await merges.FindAsync(session.Connection, tenant, mergeId, session.Transaction);
            if (merge is null)
                return MarketingErrors.UnknownMerge(mergeId);
            if (merge.UndoneAtMs is not null)
                return MarketingErrors.MergeAlreadyUndone(mergeId);
            var holder = (await queries.LiveAsync(session.Connection, tenant, merge.KeptProfileId, session.Transaction))?.ProfileId;
            if (holder is null || !await profiles.UnmarkMergedAsync(session, tenant, merge.MergedProfileId, merge.KeptProfileId))
                return MarketingErrors.MergeChanged(mergeId);
            await identities.MoveAsync(session, tenant, holder, merge.MergedProfileId, IdentifierJson.Read(merge.Identifiers));
            var kept = await rebuilder.RebuildAsync(session, tenant, holder);
            var restored = await rebuilder.RebuildAsync(session, tenant, merge.MergedProfileId);
            if (kept is null || restored is null)
                return MarketingErrors.MergeChanged(mergeId);
            SplitConsent(kept, restored, merge);
            if (!await profiles.UpdateAsync(session, tenant, [kept, restored]))
                return MarketingErrors.MergeChanged(mergeId);
            await profiles.DeleteConsentAsync(session, tenant, [kept.ProfileId, restored.ProfileId]);
            await profiles.UpsertConsentAsync(session, tenant, kept.ProfileId, kept.Consent);
            await profiles.UpsertConsentAsync(session, tenant, restored.ProfileId, restored.Consent);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (!await merges.MarkUndoneAsync(session, tenant, mergeId, now))
                return MarketingErrors.MergeAlreadyUndone(mergeId);
            // The same evidence arriving again must not undo the undo.
            await merges.KeepApartAsync(session, tenant, holder, merge.MergedProfileId, mergeId, now);
            var undone = await merges.FindAsync(session.Connection, tenant, mergeId, session.Transaction);
            return Result<MergeView>.Success(MergeView.From(undone!));
        }, ct);
    }

    /// <summary>A choice the kept profile holds only because the merge brought it goes back; any other stays.</summary>
    private static void SplitConsent(ProfileState kept, ProfileState restored, MergeRow merge)
    {
        var keptBefore = ConsentJson.Read(merge.KeptConsent);
        var mergedBefore = ConsentJson.Read(merge.MergedConsent);
        restored.Consent.Clear();
        foreach (var (purpose, choice) in mergedBefore)
        {
            restored.Consent[purpose] = choice;
            if (kept.Consent.TryGetValue(purpose, out var current) && current == choice)
            {
                if (keptBefore.TryGetValue(purpose, out var own))
                    kept.Consent[purpose] = own;
                else
                    kept.Consent.Remove(purpose);
            }
        }
    }
}
