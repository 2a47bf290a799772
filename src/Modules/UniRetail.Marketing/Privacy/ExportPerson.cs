using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Privacy;

/// <summary>
/// The right of access: everything the bank holds about a person as one JSON document — profile (identifiers, traits,
/// consent, aggregates, how each identifier came), merges, joins, and every event naming any of their ids. An identifier the graph does not know yet still
/// exports the events that carry it.
/// </summary>
internal sealed class ExportPerson(Database database, ProfileQueries queries, ProfileStore profiles, MergeStore merges, JoinStore joins, EventFeed feed,
    TimeProvider clock)
{
    public async Task<Result<PersonExport>> HandleAsync(Caller caller, PersonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var named = request.Validate();
        if (!named.IsSuccess)
            return named.Error;
        var tenant = caller.Tenant;
        return await database.ReadAsync(async c =>
        {
            var (profileId, identifier) = named.Value;
            var owner = identifier is { } given ? await queries.OwnerAsync(c, tenant, given) : profileId;
            var live = owner is null ? null : await queries.LiveAsync(c, tenant, owner);
            if (live is null && identifier is null)
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            var profile = live is null ? null : await queries.ViewAsync(c, caller, live);
            var ids = live is null ? ProfileQueries.EventIdsOf([identifier!.Value]) : await queries.EventIdsAsync(c, tenant, live.ProfileId);
            var events = await feed.OfPersonAsync(c, tenant, live?.ProfileId ?? "", ids, null, int.MaxValue);
            List<string> all = live is null ? [] : [live.ProfileId, .. await profiles.MergedIntoAsync(c, tenant, live.ProfileId)];
            var history = all.Count == 0 ? [] : await merges.OfProfilesAsync(c, tenant, all);
            var joined = all.Count == 0 ? [] : await joins.OfProfilesAsync(c, tenant, all);
            return Result<PersonExport>.Success(new PersonExport(
                clock.GetUtcNow(), profile, history.Select(MergeView.From).ToList(), events.Select(EventView.From).ToList())
            {
                Joins = joined.Select(JoinView.From).ToList(),
            });
        }, ct);
    }
}
