using Microsoft.Extensions.Logging;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Projection;

/// <summary>
/// Keeps the identity graph and profiles current by reading the event bank in commit order. Each batch is planned in
/// memory (one query per kind of row it needs) and saved in one transaction together with the new position, so a
/// restart resumes exactly where the last committed batch ended and no event is counted twice. Two projectors (two
/// servers on one PostgreSQL) cannot both save a batch: the position moves only from where it was read, and every
/// profile update checks the version it was read at; the loser plans again.
/// </summary>
internal sealed class ProfileProjector(
    Database database, EventFeed feed, ProjectionStore positions, IdentityStore identities, ProfileStore profiles, MergeStore merges,
    JoinStore joins, SharedIdentifierStore shared, ProfileRebuilder rebuilder, SuppressionList suppression, SuppressionStore erasures, RestitchStore restitches,
    AiplSettings aiplSettings, AiplFold aiplFold, AiplStore aipl, TimeProvider clock, ILogger<ProfileProjector> logger)
{
    public const string Name = "profiles";
    public const int BatchSize = 5000;
    private const int Attempts = 5;

    /// <summary>Projects what can be read now, without waiting; returns how many events were read. The server's loop.</summary>
    public async Task<long> DrainAsync(CancellationToken ct)
    {
        long total = 0;
        while (await StepAsync(ct) is var read and > 0)
            total += read;
        return total;
    }

    /// <summary>
    /// Projects every event committed before the call (read-your-writes for the CLI and tests); returns how many events
    /// were read. On PostgreSQL it waits, a few milliseconds at a time, for transactions still running anywhere on the
    /// server to finish, because until then events committed after them cannot be read in order.
    /// </summary>
    public async Task<long> CatchUpAsync(CancellationToken ct)
    {
        var target = await database.ReadAsync(feed.LatestAsync, ct);
        long total = 0;
        while (true)
        {
            total += await DrainAsync(ct);
            var at = await database.ReadAsync(c => positions.PositionAsync(c, Name), ct);
            if (target is not { } upTo || !await database.ReadAsync(c => feed.AnyBetweenAsync(c, at, upTo), ct))
                return total;
            await Task.Delay(TimeSpan.FromMilliseconds(10), clock, ct);
        }
    }

    /// <summary>Projects one batch; returns how many events it read (0 when caught up).</summary>
    public async Task<int> StepAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var from = await database.ReadAsync(c => positions.PositionAsync(c, Name), ct);
            var rows = await database.ReadAsync(c => feed.ReadAsync(c, from, BatchSize, aiplSettings.Enabled), ct);
            if (rows.Count == 0)
                return 0;
            Result<Unit> saved;
            try
            {
                // A tenant being re-stitched has its events replayed by the re-stitch (Restitcher), not here.
                var restitching = await database.ReadAsync(c => restitches.RunningAsync(c), ct);
                var tenants = rows.Select(r => r.TenantId).ToHashSet(StringComparer.Ordinal);
                var graphs = new List<TenantGraph>();
                foreach (var tenant in rows.Where(r => !restitching.Contains(r.TenantId)).GroupBy(r => new TenantId(r.TenantId)))
                    graphs.Add(await PlanAsync(tenant.Key, tenant.ToList(), ct));
                var to = new FeedPosition(rows[^1].TxId, rows[^1].EventSeq);
                saved = await database.WriteAsync(session => SaveAsync(session, graphs, from, to, tenants, restitching), ct);
            }
            catch (Exception ex) when (attempt < Attempts && ex is KeyNotFoundException or System.Data.Common.DbException)
            {
                // The plan's reads are not one snapshot: an undo, erasure or another server moved a profile or an
                // identifier between them (a profile gone, an identifier inserted twice). Planning again sees it.
                saved = Raced(ex.Message);
            }
            if (saved.IsSuccess)
                return rows.Count;
            if (attempt == Attempts)
                throw new InvalidOperationException($"The profile projector lost {Attempts} races in a row: {saved.Error.Message}");
            logger.LogInformation("Profile projector batch at {Position} raced another writer; planning it again.", from);
        }
    }

    /// <summary>Plans one tenant's events in memory against its stored graph (the re-stitch plans its replay here too).</summary>
    internal async Task<TenantGraph> PlanAsync(TenantId tenant, List<FeedRow> rows, CancellationToken ct)
    {
        var suppressed = await suppression.ForTenantAsync(tenant, ct, fresh: true);
        var rules = await database.ReadAsync(c => identities.RulesAsync(c, tenant), ct);
        var events = new List<ProfileEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (Readable(row) is { } e)
                events.Add(e);
        }
        var named = events.Select(e => Identifiers(e, rules, suppressed)).ToList();
        var wanted = named.SelectMany(n => n.Own.Concat(n.AliasCandidates)).Distinct().ToList();
        var stored = await database.ReadAsync(c => identities.FindAsync(c, tenant, wanted), ct);
        var owners = stored.Select(s => s.ProfileId).Distinct(StringComparer.Ordinal).ToList();
        var states = await database.ReadAsync(c => profiles.LoadAsync(c, tenant, owners), ct);
        var all = await database.ReadAsync(c => identities.OfProfilesAsync(c, tenant, owners), ct);
        var apart = await database.ReadAsync(c => merges.KeptApartAsync(c, tenant), ct);
        var declared = await database.ReadAsync(c => shared.DeclaredAsync(c, tenant), ct);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var graph = new TenantGraph(tenant, rules, all, states, apart, declared)
        {
            ErasureEpoch = suppressed.Epoch,
            UpTo = new FeedPosition(rows[^1].TxId, rows[^1].EventSeq),
        };
        for (var i = 0; i < events.Count; i++)
        {
            var (own, aliasCandidates) = named[i];
            if (aliasCandidates.Count > 0 && own.Find(o => IdentifierTypes.IsUserColumn(o.Type)) is { Value: not null } user)
                graph.ApplyAlias(events[i], user, AliasIdentifier(aliasCandidates, graph), nowMs);
            else if (own.Count > 0)
                graph.Apply(events[i], own, nowMs);
        }
        if (aiplSettings.Enabled && graph.Applied.Count > 0)
        {
            var aiplRules = await database.ReadAsync(c => aipl.RulesAsync(c, tenant), ct) ?? AiplRules.Default;
            var properties = new Dictionary<long, string?>(rows.Count);
            foreach (var row in rows)
                properties[row.EventSeq] = row.Properties;
            graph.Aipl = await aiplFold.PlanAsync(tenant, aiplRules, graph.Applied.Select(a => (a.ProfileId, a.Event, properties.GetValueOrDefault(a.Event.Seq))).ToList(), ct);
        }
        return graph;
    }

    /// <summary>
    /// An event the projector cannot read (a row changed outside the bank into text that is not JSON, say; text that is not
    /// valid Unicode reads as U+FFFD) is skipped with a warning naming its position, rather than stopping every tenant's
    /// profiles behind it.
    /// </summary>
    private ProfileEvent? Readable(FeedRow row)
    {
        try
        {
            return ProfileEventReader.Read(row);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            logger.LogWarning(ex, "Profile projector skipped event {Seq} of tenant {Tenant}: it could not be read.", row.EventSeq, row.TenantId);
            return null;
        }
    }

    /// <summary>An alias's previous id is the user (or member) id of that name when the graph knows one, otherwise an anonymous id.</summary>
    private static Identifier AliasIdentifier(List<Identifier> candidates, TenantGraph graph) =>
        candidates.FirstOrDefault(c => IdentifierTypes.IsUserColumn(c.Type) && graph.OwnerOf(c) is not null) is { Value: not null } known
            ? known
            : candidates.First(c => c.Type == IdentifierType.AnonymousId);

    private static (List<Identifier> Own, List<Identifier> AliasCandidates) Identifiers(ProfileEvent e, IdentityRules rules, Suppressed suppressed)
    {
        var own = new List<Identifier>(e.Identifiers.Count);
        foreach (var (type, raw) in e.Identifiers)
        {
            if (rules.Normalise(type, raw) is { } identifier && !suppressed.Contains(identifier) && !own.Contains(identifier))
                own.Add(identifier);
        }
        var alias = new List<Identifier>(2);
        if (e.AliasOf is not null)
        {
            foreach (var type in new[] { IdentifierType.UserId, IdentifierType.MemberId, IdentifierType.AnonymousId })
            {
                if (rules.Normalise(type, e.AliasOf) is { } identifier && !suppressed.Contains(identifier))
                    alias.Add(identifier);
            }
            if (!alias.Exists(a => a.Type == IdentifierType.AnonymousId))
                alias.Clear();
        }
        return (own, alias);
    }

    private async Task<Result<Unit>> SaveAsync(
        DbSession session, List<TenantGraph> graphs, FeedPosition from, FeedPosition to, HashSet<string> tenants, HashSet<string> restitching)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (!await positions.AdvanceAsync(session, Name, from, to, nowMs))
            return Raced("the position moved");
        // Read after the position row is taken: a re-stitch starts and finishes holding that row, so this is current.
        var restitchingNow = await restitches.RunningAsync(session.Connection, session.Transaction);
        if (tenants.Any(t => restitching.Contains(t) != restitchingNow.Contains(t)))
            return Raced("a re-stitch started or finished");
        return await SaveGraphsAsync(session, graphs);
    }

    /// <summary>Writes what the plans changed; the caller has moved its position in the same transaction.</summary>
    internal async Task<Result<Unit>> SaveGraphsAsync(DbSession session, IReadOnlyList<TenantGraph> graphs)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var graph in graphs)
        {
            var tenant = graph.Tenant;
            // An erasure since planning may have deleted events this batch read: plan again with its suppression list. The
            // epoch is held until this save commits, so an erasure cannot run between this check and the commit.
            if (await erasures.EpochInWriteAsync(session, tenant) != graph.ErasureEpoch)
                return Raced("a person was erased");
            var created = graph.Created.Where(p => graph.Profiles.ContainsKey(p) || graph.MergedAway.ContainsKey(p)).ToList();
            await profiles.InsertAsync(session, tenant, created.Select(p => graph.Profiles.GetValueOrDefault(p) ?? new ProfileState(p, nowMs)));
            var updated = graph.Changed.Where(p => !graph.Created.Contains(p)).Select(p => graph.Profiles[p]).ToList();
            if (!await profiles.UpdateAsync(session, tenant, updated))
                return Raced("a profile changed");
            // A profile created and merged away in this batch was just inserted at version 1.
            if (!await profiles.MarkMergedAsync(session, tenant, graph.MergedAway.Select(m => (m.Key, m.Value.Version == 0 ? 1 : m.Value.Version, m.Value.Into)).ToList()))
                return Raced("a merged profile changed");
            await identities.InsertAsync(session, tenant, graph.NewIdentifiers().Select(n => (n.Identifier, n.ProfileId, n.How, graph.LastSeenMs(n.Identifier))));
            foreach (var (moveFrom, moveTo, moved) in graph.Moves())
            {
                if (await identities.MoveAsync(session, tenant, moveFrom, moveTo, moved) != moved.Count)
                    return Raced("an identifier moved");
            }
            await identities.ExplainAsync(session, tenant, graph.Reattached());
            await identities.SeenAsync(session, tenant, graph.SeenAgain.Select(p => (p, graph.LastSeenOf(p))));
            await merges.InsertAsync(session, tenant, graph.Merges);
            await identities.MarkSharedAsync(session, tenant, graph.NowShared);
            await joins.MarkUndoneAsync(session, tenant, graph.UndoneJoins.Select(u => (u.Key, u.Value)), nowMs);
            // Rare (a join taken back): the two profiles' figures are recounted from their own events, this batch's included.
            foreach (var split in graph.Splits.SelectMany(s => new[] { s.From, s.To }).Distinct(StringComparer.Ordinal))
            {
                if (await rebuilder.RebuildAsync(session, tenant, split, graph.UpTo) is { } rebuilt && !await profiles.UpdateAsync(session, tenant, [rebuilt]))
                    return Raced("a split profile changed");
            }
            await profiles.UpsertConsentAsync(session, tenant, graph.Changed.SelectMany(id => graph.Profiles[id].Consent.Select(c => (id, c.Key, c.Value))));
            await SaveAiplAsync(session, graph);
        }
        return Unit.Value;
    }

    /// <summary>
    /// AIPL with the batch: a merged-away profile's day rows fold into the profile that absorbed it, then the batch's touches
    /// are summed per (category, day, final profile) and upserted, a few multi-row statements per batch.
    /// </summary>
    private async Task SaveAiplAsync(DbSession session, TenantGraph graph)
    {
        foreach (var (merged, (_, version)) in graph.MergedAway)
        {
            if (version != 0)
                await aipl.MoveAsync(session, graph.Tenant, merged, graph.FinalOf(merged));
        }
        if (graph.Aipl.Count == 0)
            return;
        var days = new Dictionary<(string Category, int Day, string ProfileId), (AiplKinds Kinds, long Revenue, string Evidence, AiplKinds EvidenceKind)>();
        foreach (var touch in graph.Aipl)
        {
            var key = (touch.Category, touch.Day, graph.FinalOf(touch.ProfileId));
            days[key] = days.TryGetValue(key, out var day)
                ? (day.Kinds | touch.Kinds, day.Revenue + touch.RevenueMinor, touch.Kinds > day.EvidenceKind ? touch.Evidence : day.Evidence, touch.Kinds > day.EvidenceKind ? touch.Kinds : day.EvidenceKind)
                : (touch.Kinds, touch.RevenueMinor, touch.Evidence, touch.Kinds);
        }
        await aipl.AddAsync(session, graph.Tenant, days.Select(d => new AiplDayRow
        {
            Category = d.Key.Category, Day = d.Key.Day, ProfileId = d.Key.ProfileId, Kinds = (int)d.Value.Kinds, RevenueMinor = d.Value.Revenue, Evidence = d.Value.Evidence,
        }));
    }

    private static Error Raced(string what) => MarketingErrors.ProjectionRaced(what);
}
