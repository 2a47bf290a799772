using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Tests;

/// <summary>An identity graph held in dictionaries, for the resolver's and the sharing rules' tests.</summary>
internal sealed class Graph : IIdentityGraph
{
    public Dictionary<Identifier, string> Owners { get; } = [];

    public string? OwnerOf(Identifier identifier) => Owners.GetValueOrDefault(identifier);

    public IReadOnlyDictionary<IdentifierType, int> CountsOf(string profileId) =>
        Owners.Where(o => o.Value == profileId).GroupBy(o => o.Key.Type).ToDictionary(g => g.Key, g => g.Count());

    private readonly Dictionary<string, HashSet<string>> _apart = [];

    public IReadOnlySet<string> KeptApartFrom(string profileId) => _apart.GetValueOrDefault(profileId) ?? [];

    public IReadOnlyCollection<Identifier> HeldBy(string profileId) => Owners.Where(o => o.Value == profileId).Select(o => o.Key).ToList();

    public HashSet<Identifier> Shared { get; } = [];

    public bool IsShared(Identifier identifier) => Shared.Contains(identifier);

    public Dictionary<Identifier, long> LastSeen { get; } = [];

    public long? LastSeenMs(Identifier identifier) => LastSeen.TryGetValue(identifier, out var at) ? at : null;

    public Dictionary<string, string> FirstNames { get; } = [];

    public string? FirstNameOf(string profileId) => FirstNames.GetValueOrDefault(profileId);

    /// <summary>The profile's traits give this first name (normalised, as <see cref="PersonNames"/> reads it).</summary>
    public Graph Named(string profile, string firstName)
    {
        FirstNames[profile] = firstName;
        return this;
    }

    public Graph Holds(string profile, params Identifier[] identifiers)
    {
        foreach (var identifier in identifiers)
            Owners[identifier] = profile;
        return this;
    }

    public Graph KeepsApart(string one, string other)
    {
        (_apart.TryGetValue(one, out var a) ? a : _apart[one] = []).Add(other);
        (_apart.TryGetValue(other, out var b) ? b : _apart[other] = []).Add(one);
        return this;
    }
}
