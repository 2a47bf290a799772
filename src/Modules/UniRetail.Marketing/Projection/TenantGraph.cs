using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Projection;

/// <summary>
/// How an identifier came to its profile: the event (its message id, position and time) and the rule; when it joined an
/// existing profile, the join's id and the identifier that linked it.
/// </summary>
internal sealed record Attachment(string SourceId, long AtMs, long Seq, string MessageId, AttachRule Rule, string? JoinId, Identifier? Link);

/// <summary>
/// One tenant's slice of the identity graph and profiles for a projector batch, changed in memory event by event and
/// then saved as one set of changes: new and moved identifiers, new and updated profiles, merges and joins, identifiers
/// found shared, phones' last sightings.
/// </summary>
internal sealed class TenantGraph : IIdentityGraph
{
    private readonly Dictionary<Identifier, string> _storedOwners;
    private readonly Dictionary<Identifier, string> _owners;
    private readonly Dictionary<Identifier, Attachment> _attached = [];
    private readonly Dictionary<string, List<Identifier>> _identifiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _apart = new(StringComparer.Ordinal);
    private readonly HashSet<Identifier> _shared;
    private readonly Dictionary<Identifier, long> _lastSeen = [];
    private readonly Dictionary<Identifier, List<JoinRow>> _joinsByLink = [];
    private static readonly IReadOnlySet<string> NoneApart = new HashSet<string>();

    /// <summary>
    /// The graph rows (each saying whether the events showed it shared, and which join brought it), live profiles,
    /// kept-apart pairs (live profiles an undo separated) and the identifiers the tenant declares shared. The rows are every
    /// row of the profiles the batch touches, so the joins an identifier found shared takes back are among them.
    /// </summary>
    public TenantGraph(
        TenantId tenant, IdentityRules rules, IEnumerable<IdentityRow> stored, IEnumerable<ProfileState> profiles, IEnumerable<(string, string)> keptApart,
        IEnumerable<Identifier> shared)
    {
        Tenant = tenant;
        Rules = rules;
        var rows = stored.ToList();
        _storedOwners = rows.ToDictionary(r => r.ToIdentifier(), r => r.ProfileId);
        _owners = new Dictionary<Identifier, string>(_storedOwners);
        foreach (var (identifier, profile) in _storedOwners)
            IdentifiersOf(profile).Add(identifier);
        foreach (var row in rows.Where(r => r.IdType == "phone"))
            _lastSeen[row.ToIdentifier()] = row.LastSeenMs ?? row.FirstSeenMs;
        foreach (var profile in profiles)
            Profiles[profile.ProfileId] = profile;
        foreach (var (one, other) in keptApart)
            KeepApart(one, other);
        _shared = [.. shared, .. rows.Where(r => r.SharedAtMs is not null).Select(r => r.ToIdentifier())];
        foreach (var join in JoinStore.In(rows))
            JoinsThrough(join);
    }

    public TenantId Tenant { get; }

    /// <summary>The tenant's erasure epoch when the batch was planned.</summary>
    public long ErasureEpoch { get; init; }

    /// <summary>The position of the batch's last event of this tenant: a profile rebuilt when saving replays up to it.</summary>
    public FeedPosition UpTo { get; init; }
    public IdentityRules Rules { get; }
    public Dictionary<string, ProfileState> Profiles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);
    /// <summary>Profiles folded into another in this batch, with the version they were read at (0 when created in this batch).</summary>
    public Dictionary<string, (string Into, long Version)> MergedAway { get; } = new(StringComparer.Ordinal);
    public List<MergeRow> Merges { get; } = [];
    /// <summary>Identifiers events of this batch showed to be shared, with the event that showed it.</summary>
    public List<SharedRow> NowShared { get; } = [];
    /// <summary>Joins taken back because their link turned out to be shared, with the profile they were taken from.</summary>
    public Dictionary<string, string> UndoneJoins { get; } = new(StringComparer.Ordinal);
    /// <summary>Profiles that lost a join to a new profile in this batch (both are rebuilt from their events when saved).</summary>
    public List<(string From, string To)> Splits { get; } = [];
    /// <summary>Phones seen again with their profile in this batch.</summary>
    public HashSet<Identifier> SeenAgain { get; } = [];

    /// <summary>Each applied event with the profile it went to; a later merge in the batch may fold that profile into another (<see cref="FinalOf"/>).</summary>
    public List<(string ProfileId, ProfileEvent Event)> Applied { get; } = [];

    /// <summary>The AIPL day touches of this batch's events, planned with the tenant's rules (empty when AIPL is off).</summary>
    public List<AiplTouch> Aipl { get; set; } = [];

    /// <summary>The profile that holds <paramref name="profileId"/> after this batch's merges.</summary>
    public string FinalOf(string profileId)
    {
        while (MergedAway.TryGetValue(profileId, out var merged))
            profileId = merged.Into;
        return profileId;
    }

    public string? OwnerOf(Identifier identifier) => _owners.GetValueOrDefault(identifier);

    public IReadOnlyDictionary<IdentifierType, int> CountsOf(string profileId) =>
        IdentifiersOf(profileId).GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyCollection<Identifier> HeldBy(string profileId) => IdentifiersOf(profileId);

    public IReadOnlySet<string> KeptApartFrom(string profileId) => _apart.TryGetValue(profileId, out var apart) ? apart : NoneApart;

    public bool IsShared(Identifier identifier) => _shared.Contains(identifier);

    public long? LastSeenMs(Identifier identifier) => _lastSeen.TryGetValue(identifier, out var at) ? at : null;

    public long LastSeenOf(Identifier phone) => _lastSeen[phone];

    public string? FirstNameOf(string profileId) =>
        Profiles.TryGetValue(profileId, out var profile) ? PersonNames.FirstName(t => profile.Traits.GetValueOrDefault(t)?.Json) : null;

    /// <summary>Applies one event: resolves its identifiers to a profile (creating, joining or merging as the rules allow) and updates it.</summary>
    public void Apply(ProfileEvent e, IReadOnlyCollection<Identifier> identifiers, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(identifiers);
        var firstName = PersonNames.FirstName(t => e.Traits.GetValueOrDefault(t));
        foreach (var identifier in identifiers)
        {
            if (!_shared.Contains(identifier) && OwnerOf(identifier) is { } owner && SharingRules.SeenWithAnotherPerson(identifier, owner, identifiers, this, Rules, firstName))
                Share(identifier, owner, e, nowMs);
        }
        Carry(e, IdentityResolver.Resolve(identifiers, this, Rules, e.TimestampMs, sharedChecked: true), identifiers, nowMs);
    }

    /// <summary>
    /// Marks an identifier shared. What joined a profile only through it was never shown to be that person's, so each
    /// standing join made through it leaves (what of it is still on the profile) for a new profile of its own; the
    /// two are rebuilt from their events when the batch is saved.
    /// </summary>
    private void Share(Identifier identifier, string owner, ProfileEvent e, long nowMs)
    {
        _shared.Add(identifier);
        NowShared.Add(new SharedRow(identifier, owner, e.Seq, e.MessageId, e.TimestampMs));
        foreach (var join in _joinsByLink.GetValueOrDefault(identifier) ?? [])
        {
            if (!UndoneJoins.TryAdd(join.JoinId, owner))
                continue;
            var leaving = join.Identifiers.Where(i => _owners.GetValueOrDefault(i) == owner).ToList();
            if (leaving.Count == 0)
                continue;
            var split = NewId.With("prof");
            Profiles[split] = new ProfileState(split, nowMs);
            Created.Add(split);
            Changed.Add(split);
            foreach (var moving in leaving)
            {
                IdentifiersOf(owner).Remove(moving);
                _owners[moving] = split;
                IdentifiersOf(split).Add(moving);
            }
            Splits.Add((owner, split));
        }
    }

    private void JoinsThrough(JoinRow join)
    {
        if (join.Link is not { } link || IdentifierTypes.IsPersonal(link.Type))
            return;
        if (!_joinsByLink.TryGetValue(link, out var list))
            _joinsByLink[link] = list = [];
        list.Add(join);
    }

    /// <summary>Applies an alias call: <paramref name="previous"/> becomes the same person as <paramref name="user"/>.</summary>
    public void ApplyAlias(ProfileEvent e, Identifier user, Identifier previous, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(e);
        Carry(e, IdentityResolver.ResolveAlias(user, previous, this), [user, previous], nowMs);
    }

    private void Carry(ProfileEvent e, Resolution resolution, IReadOnlyCollection<Identifier> identifiers, long nowMs)
    {
        foreach (var shared in resolution.NowShared)
        {
            if (_shared.Add(shared))
                NowShared.Add(new SharedRow(shared, _owners[shared], e.Seq, e.MessageId, e.TimestampMs));
        }
        var profileId = resolution.ProfileId;
        var joined = profileId is not null;
        if (profileId is null)
        {
            if (resolution.Attach.Count == 0 && resolution.Released.Count == 0)
                return;
            profileId = NewId.With("prof");
            Profiles[profileId] = new ProfileState(profileId, nowMs);
            Created.Add(profileId);
        }
        var profile = Profiles[profileId];
        foreach (var (other, link) in resolution.Merges)
            Merge(profile, Profiles[other], link, e);
        var rule = joined || resolution.Rule == AttachRule.Alias ? resolution.Rule : AttachRule.NewProfile;
        var joinId = joined && resolution.Attach.Count > 0 ? Join(profileId, resolution.Link, rule, resolution.Attach, e) : null;
        foreach (var identifier in resolution.Attach)
        {
            _owners[identifier] = profileId;
            _attached[identifier] = new Attachment(e.SourceId, e.TimestampMs, e.Seq, e.MessageId, rule, joinId, joinId is null ? null : resolution.Link);
            IdentifiersOf(profileId).Add(identifier);
        }
        if (resolution.Released.Count > 0)
        {
            var releaseId = Join(profileId, null, AttachRule.RecycledPhone, resolution.Released, e);
            foreach (var phone in resolution.Released)
            {
                IdentifiersOf(_owners[phone]).Remove(phone);
                _owners[phone] = profileId;
                _attached[phone] = new Attachment(e.SourceId, e.TimestampMs, e.Seq, e.MessageId, AttachRule.RecycledPhone, releaseId, null);
                IdentifiersOf(profileId).Add(phone);
            }
        }
        foreach (var phone in identifiers.Where(i => i.Type == IdentifierType.Phone && _owners.GetValueOrDefault(i) == profileId))
        {
            if (!_lastSeen.TryGetValue(phone, out var last) || last < e.TimestampMs)
            {
                _lastSeen[phone] = e.TimestampMs;
                // A phone new in this batch is inserted with its last sighting.
                if (_storedOwners.ContainsKey(phone))
                    SeenAgain.Add(phone);
            }
        }
        profile.Apply(e);
        Changed.Add(profileId);
        Applied.Add((profileId, e));
    }

    /// <summary>A join is saved on the rows of the identifiers it attached (see <see cref="Attachment"/>); here it is only remembered by its link.</summary>
    private string Join(string profileId, Identifier? link, AttachRule rule, IReadOnlyList<Identifier> identifiers, ProfileEvent e)
    {
        var join = new JoinRow(NewId.With("join"), profileId, link, AttachRules.ToName(rule), e.Seq, e.MessageId, e.TimestampMs, [.. identifiers]);
        JoinsThrough(join);
        return join.JoinId;
    }

    /// <summary>Identifiers first seen in this batch, with their final owner and how they came.</summary>
    public IEnumerable<(Identifier Identifier, string ProfileId, Attachment How)> NewIdentifiers() =>
        _attached.Where(a => !_storedOwners.ContainsKey(a.Key)).Select(a => (a.Key, _owners[a.Key], a.Value));

    /// <summary>Stored identifiers attached anew in this batch (recycled phones), with how.</summary>
    public IEnumerable<(Identifier Identifier, Attachment How)> Reattached() =>
        _attached.Where(a => _storedOwners.ContainsKey(a.Key)).Select(a => (a.Key, a.Value));

    /// <summary>Stored identifiers whose owner changed in this batch, grouped by (stored owner, new owner).</summary>
    public IEnumerable<(string From, string To, List<Identifier> Identifiers)> Moves() =>
        _storedOwners.Where(s => _owners[s.Key] != s.Value)
            .GroupBy(s => (From: s.Value, To: _owners[s.Key]))
            .Select(g => (g.Key.From, g.Key.To, g.Select(s => s.Key).ToList()));

    private void Merge(ProfileState kept, ProfileState merged, Identifier link, ProfileEvent e)
    {
        var moving = IdentifiersOf(merged.ProfileId);
        Merges.Add(new MergeRow
        {
            MergeId = NewId.With("mrg"),
            KeptProfileId = kept.ProfileId,
            MergedProfileId = merged.ProfileId,
            LinkType = link.TypeName,
            LinkValue = link.Value,
            EventSeq = e.Seq,
            AtMs = e.TimestampMs,
            Identifiers = IdentifierJson.Write(moving),
            KeptConsent = ConsentJson.Write(kept.Consent),
            MergedConsent = ConsentJson.Write(merged.Consent),
        });
        kept.Absorb(merged);
        foreach (var identifier in moving)
            _owners[identifier] = kept.ProfileId;
        IdentifiersOf(kept.ProfileId).AddRange(moving);
        _identifiers.Remove(merged.ProfileId);
        // Whoever the merged profile was kept apart from, the profile holding it now is kept apart from too.
        if (_apart.Remove(merged.ProfileId, out var apart))
        {
            foreach (var other in apart)
                KeepApart(kept.ProfileId, other);
        }
        Profiles.Remove(merged.ProfileId);
        Changed.Remove(merged.ProfileId);
        MergedAway[merged.ProfileId] = (kept.ProfileId, Created.Contains(merged.ProfileId) ? 0 : merged.Version);
        Changed.Add(kept.ProfileId);
    }

    private void KeepApart(string one, string other)
    {
        ApartOf(one).Add(other);
        ApartOf(other).Add(one);
    }

    private HashSet<string> ApartOf(string profileId)
    {
        if (!_apart.TryGetValue(profileId, out var set))
            _apart[profileId] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private List<Identifier> IdentifiersOf(string profileId)
    {
        if (!_identifiers.TryGetValue(profileId, out var list))
            _identifiers[profileId] = list = [];
        return list;
    }
}
