using System.Data.Common;
using System.Globalization;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// Reads profiles for admins and marketers: by id or by any identifier, with the timeline and merges. A marketer sees
/// only what the person's consent allows; an id that was merged away leads to the profile it was merged into.
/// </summary>
internal sealed class ProfileQueries(
    Database database, ProfileStore profiles, IdentityStore identities, MergeStore merges, JoinStore joins, SharedIdentifierStore shared, EventFeed feed)
{
    public async Task<Result<ProfileView>> ShowAsync(Caller caller, string profileId, CancellationToken ct)
    {
        return await database.ReadAsync(async c =>
        {
            var row = await LiveAsync(c, caller.Tenant, profileId);
            return row is null ? MarketingErrors.UnknownProfile($"id '{profileId}'") : Result<ProfileView>.Success(await ViewAsync(c, caller, row));
        }, ct);
    }

    public async Task<Result<ProfileView>> FindAsync(Caller caller, string? type, string? value, CancellationToken ct)
    {
        var identifier = Parse(type, value);
        if (!identifier.IsSuccess)
            return identifier.Error;
        return await database.ReadAsync(async c =>
        {
            var owner = await identities.OwnerAsync(c, caller.Tenant, identifier.Value);
            var row = owner is null ? null : await LiveAsync(c, caller.Tenant, owner);
            return row is null ? MarketingErrors.UnknownProfile($"{identifier.Value.TypeName} '{identifier.Value.Value}'") : Result<ProfileView>.Success(await ViewAsync(c, caller, row));
        }, ct);
    }

    /// <summary>A person's events across every source, newest first (empty when a marketer may not see them).</summary>
    public async Task<Result<Slice<EventView>>> TimelineAsync(Caller caller, string profileId, PageQuery page, CancellationToken ct)
    {
        var before = Position(page.After);
        return await database.ReadAsync(async c =>
        {
            var row = await LiveAsync(c, caller.Tenant, profileId);
            if (row is null)
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            var consent = await profiles.ConsentAsync(c, caller.Tenant, [row.ProfileId]);
            if (!Sees(caller, row.ToState(consent), ConsentPurpose.Analytics))
                return new Slice<EventView>([], null);
            var ids = await EventIdsAsync(c, caller.Tenant, row.ProfileId);
            var events = await feed.OfPersonAsync(c, caller.Tenant, row.ProfileId, ids, before, page.RowsToRead);
            return Result<Slice<EventView>>.Success(Slice<EventRow>.Of(events, page, e => string.Create(CultureInfo.InvariantCulture, $"{e.TimestampMs}.{e.EventSeq}")).Map(EventView.From));
        }, ct);
    }

    /// <summary>The merges that made the profile (into it, and into profiles merged into it), oldest first.</summary>
    public async Task<Result<Slice<MergeView>>> MergesAsync(Caller caller, string profileId, PageQuery page, CancellationToken ct)
    {
        return await database.ReadAsync(async c =>
        {
            var row = await LiveAsync(c, caller.Tenant, profileId);
            if (row is null)
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            var rows = await merges.OfProfilesAsync(c, caller.Tenant, [row.ProfileId, .. await profiles.MergedIntoAsync(c, caller.Tenant, row.ProfileId)]);
            // Merge ids are time-ordered (UUIDv7): their ordinal order is the order the merges happened.
            return Result<Slice<MergeView>>.Success(Slice<MergeView>.From(rows.Select(MergeView.From).OrderBy(m => m.MergeId, StringComparer.Ordinal), page, m => m.MergeId));
        }, ct);
    }

    /// <summary>The joins onto the profile (and onto profiles merged into it), oldest first: each can be undone.</summary>
    public async Task<Result<Slice<JoinView>>> JoinsAsync(Caller caller, string profileId, PageQuery page, CancellationToken ct)
    {
        return await database.ReadAsync(async c =>
        {
            var row = await LiveAsync(c, caller.Tenant, profileId);
            if (row is null)
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            var rows = await joins.OfProfilesAsync(c, caller.Tenant, [row.ProfileId, .. await profiles.MergedIntoAsync(c, caller.Tenant, row.ProfileId)]);
            // Join ids are time-ordered (UUIDv7): their ordinal order is the order the joins happened.
            return Result<Slice<JoinView>>.Success(Slice<JoinView>.From(rows.Select(JoinView.From).OrderBy(j => j.JoinId, StringComparer.Ordinal), page, j => j.JoinId));
        }, ct);
    }

    /// <summary>How many people the tenant's bank knows (live profiles).</summary>
    public Task<long> CountAsync(Caller caller, CancellationToken ct) => database.ReadAsync(c => profiles.CountAsync(c, caller.Tenant), ct);

    /// <summary>Profiles whose consent allows a purpose: the list campaigns and audiences start from.</summary>
    public async Task<Result<Slice<string>>> AllowingAsync(Caller caller, string? purpose, PageQuery page, CancellationToken ct)
    {
        var parsed = ConsentPurposes.Parse(purpose ?? "marketing", "consent");
        if (!parsed.IsSuccess)
            return parsed.Error;
        var ids = await database.ReadAsync(c => profiles.AllowingAsync(c, caller.Tenant, parsed.Value, page.After, page.RowsToRead), ct);
        return Slice<string>.Of(ids, page, id => id);
    }

    public Task<string?> OwnerAsync(DbConnection connection, TenantId tenant, Identifier identifier) => identities.OwnerAsync(connection, tenant, identifier);

    /// <summary>The live profile an id names, following merges.</summary>
    public async Task<ProfileRow?> LiveAsync(DbConnection connection, TenantId tenant, string profileId, DbTransaction? transaction = null)
    {
        var row = await profiles.FindAsync(connection, tenant, profileId, transaction);
        for (var hops = 0; row?.MergedInto is { } into && hops < ProfileStore.MaxMergeHops; hops++)
            row = await profiles.FindAsync(connection, tenant, into, transaction);
        return row?.MergedInto is null ? row : null;
    }

    public async Task<EventIds> EventIdsAsync(DbConnection connection, TenantId tenant, string profileId, DbTransaction? transaction = null)
    {
        var held = await identities.OfProfilesAsync(connection, tenant, [profileId], transaction);
        return EventIdsOf(held.Select(h => h.ToIdentifier()));
    }

    public static EventIds EventIdsOf(IEnumerable<Identifier> identifiers)
    {
        var list = identifiers.ToList();
        return new EventIds(
            list.Where(i => IdentifierTypes.IsUserColumn(i.Type)).Select(i => i.Value).Distinct().ToList(),
            list.Where(i => i.Type == IdentifierType.AnonymousId).Select(i => i.Value).Distinct().ToList());
    }

    public async Task<ProfileView> ViewAsync(DbConnection connection, Caller caller, ProfileRow row)
    {
        var tenant = caller.Tenant;
        var state = row.ToState(await profiles.ConsentAsync(connection, tenant, [row.ProfileId]));
        var held = await identities.OfProfilesAsync(connection, tenant, [row.ProfileId]);
        var declared = (await shared.DeclaredAsync(connection, tenant)).ToHashSet();
        var mergedIn = await profiles.MergedIntoAsync(connection, tenant, row.ProfileId);
        var withheld = new List<string>();
        var traits = Sees(caller, state, ConsentPurpose.Personalisation)
            ? state.Traits.ToDictionary(t => t.Key, t => new TraitView(JsonText.ReadStored(t.Value.Json), DateTimeOffset.FromUnixTimeMilliseconds(t.Value.AtMs), t.Value.SourceId))
            : null;
        if (traits is null)
            withheld.Add("traits");
        var aggregates = Sees(caller, state, ConsentPurpose.Analytics) ? Aggregates(state) : null;
        if (aggregates is null)
            withheld.AddRange(["aggregates", "timeline"]);
        return new ProfileView(
            row.ProfileId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
            held.Where(h => h.IdType == "member_id").Select(h => h.IdValue).ToList(), held.Select(h => IdentifierView.From(h) with
            {
                Shared = h.SharedAtMs is not null || declared.Contains(h.ToIdentifier()),
                SharedBy = h.SharedMessageId,
            }).ToList(),
            traits, aggregates, ConsentViews.Of(state), mergedIn, withheld);
    }

    public static Result<Identifier> Parse(string? type, string? value)
    {
        if (string.IsNullOrWhiteSpace(type) || value is null)
            return MarketingErrors.OneLookup();
        if (!IdentifierTypes.TryParse(type, out var parsed))
            return MarketingErrors.BadIdentifierType(type);
        return IdentifierNormaliser.Normalise(parsed, value, new HashSet<string>()) is { } identifier
            ? identifier
            : MarketingErrors.BadIdentifier(IdentifierTypes.ToName(parsed));
    }

    private static bool Sees(Caller caller, ProfileState state, ConsentPurpose purpose) => caller.Role == Role.Admin || state.Allows(purpose);

    private static AggregatesView Aggregates(ProfileState s) => new(
        Instant(s.FirstSeenMs), Instant(s.LastSeenMs), s.EventCount, s.OrderCount, s.RefundCount, s.CancelCount,
        s.Revenue.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RevenueView(r.Key, Money.FromMinor(r.Value, Currency.FromStored(r.Key)).Amount)).ToList(),
        Instant(s.LastPurchaseMs), s.FavouriteStore, s.Channels.ToList());

    private static DateTimeOffset? Instant(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    /// <summary>A timeline position: <c>timestampMs.seq</c> of the last event of the previous page (sealed in its cursor).</summary>
    private static (long, long)? Position(string? after)
    {
        var parts = after?.Split('.');
        return parts is [var ms, var seq] && long.TryParse(ms, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var atMs)
               && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var eventSeq)
            ? (atMs, eventSeq)
            : null;
    }
}
