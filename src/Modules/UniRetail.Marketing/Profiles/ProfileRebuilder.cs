using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Projection;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// Recomputes a profile's traits and aggregates from its own events, inside a write: what an undone merge needs, as the
/// two people's events are told apart again. Only events the projector has already applied are replayed, so the ones
/// it has not reached yet are counted once, when it does.
/// </summary>
internal sealed class ProfileRebuilder(ProfileStore profiles, ProfileQueries queries, EventFeed feed, ProjectionStore positions)
{
    /// <summary>
    /// The rebuilt state (consent as stored), or null when the profile is not live. Events are replayed up to
    /// <paramref name="upTo"/> (where the writer has applied the tenant's events: a projector batch's last event), or the live
    /// projector's position when none is given.
    /// </summary>
    public async Task<ProfileState?> RebuildAsync(DbSession session, TenantId tenant, string profileId, FeedPosition? upTo = null)
    {
        var row = await profiles.FindAsync(session.Connection, tenant, profileId, session.Transaction);
        if (row is null || row.MergedInto is not null)
            return null;
        var consent = await profiles.ConsentAsync(session.Connection, tenant, [profileId], session.Transaction);
        upTo ??= await positions.PositionAsync(session.Connection, ProfileProjector.Name, session.Transaction);
        var ids = await queries.EventIdsAsync(session.Connection, tenant, profileId, session.Transaction);
        var events = await feed.OfPersonForRebuildAsync(session, tenant, profileId, ids, upTo.Value);
        var state = new ProfileState(profileId, row.CreatedAtMs) { Version = row.Version, Consent = row.ToState(consent).Consent };
        for (var i = events.Count - 1; i >= 0; i--)
            state.Apply(ProfileEventReader.Read(events[i]));
        return state;
    }
}
