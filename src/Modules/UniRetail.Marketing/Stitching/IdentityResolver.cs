namespace UniRetail.Marketing.Stitching;

/// <summary>What the identity graph knows, as the resolver asks it.</summary>
internal interface IIdentityGraph
{
    /// <summary>The profile holding the identifier, or null when it is new.</summary>
    string? OwnerOf(Identifier identifier);

    /// <summary>How many identifiers of each type the profile holds.</summary>
    IReadOnlyDictionary<IdentifierType, int> CountsOf(string profileId);

    /// <summary>Profiles an undone merge said the profile must never be merged with again.</summary>
    IReadOnlySet<string> KeptApartFrom(string profileId);
}

/// <summary>
/// Where one event's identifiers go. <see cref="ProfileId"/> is the existing profile the event belongs to, or null for a
/// new one; <see cref="Attach"/> are new identifiers for it; <see cref="Merges"/> are other profiles to fold into it, each
/// with the identifier that linked them; <see cref="Unlinked"/> are identifiers left where they are (a rule forbade the
/// link, a limit would be exceeded, or an undone merge keeps the two profiles apart).
/// </summary>
internal sealed record Resolution(
    string? ProfileId,
    IReadOnlyList<Identifier> Attach,
    IReadOnlyList<(string ProfileId, Identifier Link)> Merges,
    IReadOnlyList<Identifier> Unlinked);

/// <summary>
/// Stitches an event's identifiers into one profile under the tenant's rules. Identifiers are considered strongest first:
/// the first known one names the profile, unless taking the stronger new identifiers would push that profile over a limit
/// (the shared-tablet case: a second shopper's user id on the tablet's device id starts a new profile instead of merging).
/// A later identifier held by another profile merges that profile in when its type may merge, the combined profile
/// stays within every limit, and no undone merge keeps the two apart (neither them nor any profile merged in on the way).
/// </summary>
internal static class IdentityResolver
{
    public static Resolution Resolve(IReadOnlyCollection<Identifier> identifiers, IIdentityGraph graph, IdentityRules rules)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(rules);
        string? profile = null;
        var planned = new Dictionary<IdentifierType, int>();
        var attach = new List<Identifier>();
        var merges = new List<(string, Identifier)>();
        var unlinked = new List<Identifier>();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        var apart = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in identifiers.Distinct().OrderBy(i => rules.For(i.Type).Priority).ThenBy(i => i.Value, StringComparer.Ordinal))
        {
            var owner = graph.OwnerOf(identifier);
            if (owner is null)
            {
                if (Fits(planned, identifier.Type, 1, rules))
                {
                    attach.Add(identifier);
                    Add(planned, identifier.Type, 1);
                }
                else
                    unlinked.Add(identifier);
            }
            else if (profile is null)
            {
                // Only the types the event adds are checked: a profile already over a limit the tenant lowered later
                // keeps receiving its events.
                var combined = Combine(planned, graph.CountsOf(owner));
                if (planned.Keys.All(type => combined[type] <= rules.For(type).MaxPerProfile))
                {
                    profile = owner;
                    planned = combined;
                    apart.UnionWith(graph.KeptApartFrom(owner));
                }
                else
                    unlinked.Add(identifier);
            }
            else if (owner != profile && !merged.Contains(owner))
            {
                var combined = Combine(planned, graph.CountsOf(owner));
                if (rules.For(identifier.Type).MayMerge && !apart.Contains(owner) && WithinLimits(combined, rules))
                {
                    merges.Add((owner, identifier));
                    merged.Add(owner);
                    planned = combined;
                    apart.UnionWith(graph.KeptApartFrom(owner));
                }
                else
                    unlinked.Add(identifier);
            }
        }
        return new Resolution(profile, attach, merges, unlinked);
    }

    private static bool Fits(Dictionary<IdentifierType, int> planned, IdentifierType type, int more, IdentityRules rules) =>
        planned.GetValueOrDefault(type) + more <= rules.For(type).MaxPerProfile;

    private static bool WithinLimits(Dictionary<IdentifierType, int> counts, IdentityRules rules) =>
        counts.All(c => c.Value <= rules.For(c.Key).MaxPerProfile);

    private static Dictionary<IdentifierType, int> Combine(Dictionary<IdentifierType, int> planned, IReadOnlyDictionary<IdentifierType, int> other)
    {
        var combined = new Dictionary<IdentifierType, int>(planned);
        foreach (var (type, count) in other)
            Add(combined, type, count);
        return combined;
    }

    private static void Add(Dictionary<IdentifierType, int> counts, IdentifierType type, int more) =>
        counts[type] = counts.GetValueOrDefault(type) + more;
}
