using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;
using UniRetail.Members.Contracts;

namespace UniRetail.Marketing.Privacy;

/// <summary>What an erasure removed; it names no person.</summary>
internal sealed record ErasureView(string ErasureId, DateTimeOffset At, string RequestedBy, long ProfilesErased, long IdentifiersErased, long EventsErased, long MembersErased)
{
    public static ErasureView From(ErasureRow row) => new(
        row.ErasureId, DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs), row.RequestedBy, row.ProfilesErased, row.IdentifiersErased, row.EventsErased,
        row.MembersErased);
}

/// <summary>
/// The right to erasure, in one transaction: the person's profile and every profile merged into it, their identifiers,
/// consent, merge and join records and events (by any of their ids, and events whose traits or context carry one of their
/// identifiers, read as the projector reads them: see <see cref="PersonEvents"/>) are deleted. What
/// stays is an audit row of counts and a fingerprint per identifier, so events naming them later are not collected.
/// </summary>
internal sealed class ErasePerson(
    Database database, ProfileQueries queries, ProfileStore profiles, IdentityStore identities, MergeStore merges, JoinStore joins, EventFeed feed,
    SuppressionStore suppressionStore, ErasureFingerprints fingerprints, IMemberErasure memberErasure, RestitchStore restitches, AiplStore aipl, TimeProvider clock)
{
    public async Task<Result<ErasureView>> HandleAsync(Caller caller, PersonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var named = request.Validate();
        if (!named.IsSuccess)
            return named.Error;
        var tenant = caller.Tenant;
        return await database.WriteAsync<ErasureView>(async session =>
        {
            // First, before anything is read: a concurrent ingestion or projector write either waits for this erasure to
            // commit (and then sees the epoch moved) or has committed before the reads below.
            await suppressionStore.AdvanceEpochAsync(session, tenant);
            var (profileId, identifier) = named.Value;
            var owner = identifier is { } given ? await identities.OwnerAsync(session.Connection, tenant, given, session.Transaction) : profileId;
            var live = owner is null ? null : await queries.LiveAsync(session.Connection, tenant, owner, session.Transaction);
            if (live is null && identifier is null)
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            var profileIds = live is null ? [] : await WithMergedAsync(session, tenant, live.ProfileId);
            var held = (await identities.OfProfilesAsync(session.Connection, tenant, profileIds, session.Transaction)).Select(r => r.ToIdentifier()).ToList();
            if (identifier is { } asked && !held.Contains(asked))
                held.Add(asked);
            // A running re-stitch may not have replayed the person yet: what it keeps aside names their other identifiers.
            held.AddRange(await restitches.ForgetAsync(session, tenant, held));
            var events = await feed.DeleteOfPersonAsync(session, tenant, ProfileQueries.EventIdsOf(held));
            if (PersonEvents.Patterns(held) is { Count: > 0 } patterns)
            {
                var carrying = held.ToHashSet();
                var mentioning = await feed.MentioningAsync(session, tenant, patterns);
                events += await feed.DeleteAsync(session, tenant, mentioning.Where(row => PersonEvents.Carries(row, carrying)).Select(row => row.EventSeq));
            }
            if (profileIds.Count > 0)
            {
                await identities.DeleteOfProfilesAsync(session, tenant, profileIds);
                await profiles.DeleteConsentAsync(session, tenant, profileIds);
                await merges.DeleteOfProfilesAsync(session, tenant, profileIds);
                await joins.DeleteOfProfilesAsync(session, tenant, profileIds);
                await profiles.DeleteAsync(session, tenant, profileIds);
                await aipl.DeleteOfProfilesAsync(session, tenant, profileIds);
            }
            // The commerce member behind the profile is the same person: their name and identifiers go too.
            var members = await memberErasure.EraseAsync(
                session, caller.Tenant, held.Where(i => i.Type == IdentifierType.MemberId).Select(i => new MemberId(i.Value)).ToList(), ct);
            var erasure = new ErasureRow
            {
                ErasureId = NewId.With("era"), RequestedBy = Roles.ToName(caller.Role), AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                ProfilesErased = profileIds.Count, IdentifiersErased = held.Count, EventsErased = events, MembersErased = members,
            };
            await suppressionStore.SuppressAsync(session, tenant, erasure.ErasureId, held.Select(i => fingerprints.For(tenant, i)), erasure.AtMs);
            await suppressionStore.RecordAsync(session, tenant, erasure);
            return ErasureView.From(erasure);
        }, ct);
    }

    /// <summary>The erasure log, newest first.</summary>
    public async Task<Slice<ErasureView>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await database.ReadAsync(c => suppressionStore.ErasuresAsync(c, caller.Tenant, page), ct);
        return Slice<ErasureRow>.Of(rows, page, r => r.ErasureId).Map(ErasureView.From);
    }

    /// <summary>The live profile and every profile merged into it, however many merges back.</summary>
    private async Task<List<string>> WithMergedAsync(DbSession session, TenantId tenant, string profileId)
    {
        var all = new List<string> { profileId };
        for (var i = 0; i < all.Count; i++)
            all.AddRange(await profiles.MergedIntoAsync(session.Connection, tenant, all[i], session.Transaction));
        return all;
    }
}
