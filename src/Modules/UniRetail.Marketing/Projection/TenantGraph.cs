using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Projection;

/// <summary>
/// One tenant's slice of the identity graph and profiles for a projector batch, changed in memory event by event and
/// then saved as one set of changes: new and moved identifiers, new and updated profiles, merges.
/// </summary>
internal sealed class TenantGraph : IIdentityGraph
{
    private readonly Dictionary<Identifier, string> _storedOwners;
    private readonly Dictionary<Identifier, string> _owners;
    private readonly Dictionary<Identifier, (string SourceId, long AtMs)> _firstSeen = [];
    private readonly Dictionary<string, List<Identifier>> _identifiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _apart = new(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> NoneApart = new HashSet<string>();

    /// <summary>The graph rows, live profiles and kept-apart pairs (live profiles an undone merge separated) a batch needs.</summary>
    public TenantGraph(
        TenantId tenant, IdentityRules rules, IEnumerable<IdentityRow> stored, IEnumerable<ProfileState> profiles, IEnumerable<(string, string)> keptApart)
    {
        Tenant = tenant;
        Rules = rules;
        _storedOwners = stored.ToDictionary(r => r.ToIdentifier(), r => r.ProfileId);
        _owners = new Dictionary<Identifier, string>(_storedOwners);
        foreach (var (identifier, profile) in _storedOwners)
            IdentifiersOf(profile).Add(identifier);
        foreach (var profile in profiles)
            Profiles[profile.ProfileId] = profile;
        foreach (var (one, other) in keptApart)
            KeepApart(one, other);
    }

    public TenantId Tenant { get; }

    /// <summary>The tenant's erasure epoch when the batch was planned.</summary>
    public long ErasureEpoch { get; init; }
    public IdentityRules Rules { get; }
    public Dictionary<string, ProfileState> Profiles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);
    /// <summary>Profiles folded into another in this batch, with the version they were read at (0 when created in this batch).</summary>
    public Dictionary<string, (string Into, long Version)> MergedAway { get; } = new(StringComparer.Ordinal);
    public List<MergeRow> Merges { get; } = [];

    public string? OwnerOf(Identifier identifier) => _owners.GetValueOrDefault(identifier);

    public IReadOnlyDictionary<IdentifierType, int> CountsOf(string profileId) =>
        IdentifiersOf(profileId).GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlySet<string> KeptApartFrom(string profileId) => _apart.TryGetValue(profileId, out var apart) ? apart : NoneApart;

    /// <summary>Applies one event: resolves its identifiers to a profile (creating or merging as the rules allow) and updates it.</summary>
    public void Apply(ProfileEvent e, IReadOnlyCollection<Identifier> identifiers, long nowMs)
    {
        var resolution = IdentityResolver.Resolve(identifiers, this, Rules);
        var profileId = resolution.ProfileId;
        if (profileId is null)
        {
            if (resolution.Attach.Count == 0)
                return;
            profileId = NewId.With("prof");
            Profiles[profileId] = new ProfileState(profileId, nowMs);
            Created.Add(profileId);
        }
        var profile = Profiles[profileId];
        foreach (var (other, link) in resolution.Merges)
            Merge(profile, Profiles[other], link, e);
        foreach (var identifier in resolution.Attach)
        {
            _owners[identifier] = profileId;
            _firstSeen[identifier] = (e.SourceId, e.TimestampMs);
            IdentifiersOf(profileId).Add(identifier);
        }
        profile.Apply(e);
        Changed.Add(profileId);
    }

    /// <summary>Identifiers first seen in this batch, with their final owner.</summary>
    public IEnumerable<(Identifier Identifier, string ProfileId, string SourceId, long AtMs)> NewIdentifiers() =>
        _firstSeen.Select(f => (f.Key, _owners[f.Key], f.Value.SourceId, f.Value.AtMs));

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
