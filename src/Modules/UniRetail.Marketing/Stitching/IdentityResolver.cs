namespace UniRetail.Marketing.Stitching;

/// <summary>What the identity graph knows, as the resolver asks it.</summary>
internal interface IIdentityGraph
{
    /// <summary>The profile holding the identifier, or null when it is new.</summary>
    string? OwnerOf(Identifier identifier);

    /// <summary>How many identifiers of each type the profile holds.</summary>
    IReadOnlyDictionary<IdentifierType, int> CountsOf(string profileId);

    /// <summary>The identifiers the profile holds.</summary>
    IReadOnlyCollection<Identifier> HeldBy(string profileId);

    /// <summary>Profiles an undone merge or join said the profile must never be merged with again.</summary>
    IReadOnlySet<string> KeptApartFrom(string profileId);

    /// <summary>True when the identifier is known to be shared by several people (found so, or declared by the tenant).</summary>
    bool IsShared(Identifier identifier);

    /// <summary>When the identifier was last seen with its profile (kept for phones), or null.</summary>
    long? LastSeenMs(Identifier identifier);

    /// <summary>The first name the profile's traits give (<see cref="PersonNames"/>), or null.</summary>
    string? FirstNameOf(string profileId);
}

/// <summary>
/// Where one event's identifiers go. <see cref="ProfileId"/> is the existing profile the event belongs to, or null for a
/// new one, and <see cref="Link"/> the identifier that named it; <see cref="Attach"/> are new identifiers for it;
/// <see cref="Released"/> are recycled phones that leave their old profile for it; <see cref="Merges"/> are other profiles
/// to fold into it, each with the identifier that linked them; <see cref="Unlinked"/> are identifiers left where they are
/// (a rule forbade the link, a limit would be exceeded, an undo keeps the profiles apart, or the identifier is shared);
/// <see cref="NowShared"/> are identifiers this event shows to be shared.
/// </summary>
internal sealed record Resolution(
    string? ProfileId,
    Identifier? Link,
    IReadOnlyList<Identifier> Attach,
    IReadOnlyList<(string ProfileId, Identifier Link)> Merges,
    IReadOnlyList<Identifier> Unlinked)
{
    public IReadOnlyList<Identifier> Released { get; init; } = [];
    public IReadOnlyList<Identifier> NowShared { get; init; } = [];
    public AttachRule Rule { get; init; } = AttachRule.Linked;
}

/// <summary>Why an identifier is on its profile.</summary>
internal enum AttachRule
{
    /// <summary>It came with the event that started the profile.</summary>
    NewProfile,
    /// <summary>It came with an event whose other identifier (the link) the profile held: a join.</summary>
    Linked,
    /// <summary>An alias call (previousId → userId) put it there.</summary>
    Alias,
    /// <summary>A recycled phone that left its old owner for a new person.</summary>
    RecycledPhone,
}

internal static class AttachRules
{
    public static string ToName(AttachRule rule) => rule switch
    {
        AttachRule.NewProfile => "new_profile",
        AttachRule.Linked => "linked",
        AttachRule.Alias => "alias",
        AttachRule.RecycledPhone => "recycled_phone",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}

/// <summary>
/// Stitches an event's identifiers into one profile under the tenant's rules. Shared identifiers (known, or shown shared by
/// this event: <see cref="SharingRules"/>) take no part: they neither name the profile, nor join, nor merge. A recycled
/// phone leaves its old owner. The rest are considered strongest first: the first known one of a type that may merge names
/// the profile (a payment account never does), unless taking the stronger new identifiers would push that profile over a
/// limit (the shared-tablet case: a second shopper's user id on the tablet's device id starts a new profile instead of
/// merging). A later identifier held by another profile merges that profile in when its type may merge, the combined
/// profile stays within every limit, and no undo keeps the two apart (neither them nor any profile merged in on the way).
/// </summary>
internal static class IdentityResolver
{
    /// <param name="identifiers">The event's identifiers, normalised.</param>
    /// <param name="graph">What the graph knows.</param>
    /// <param name="rules">The tenant's rules.</param>
    /// <param name="atMs">The event's time (for recycled phones).</param>
    /// <param name="sharedChecked">True when the caller has already marked what this event shows shared (the projector's graph does, to take back joins first).</param>
    /// <param name="firstName">The first name the event gives (<see cref="PersonNames"/>), evidence that it is someone else.</param>
    public static Resolution Resolve(IReadOnlyCollection<Identifier> identifiers, IIdentityGraph graph, IdentityRules rules, long atMs = 0, bool sharedChecked = false, string? firstName = null)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = identifiers.Distinct().OrderBy(i => rules.For(i.Type).Priority).ThenBy(i => i.Value, StringComparer.Ordinal).ToList();
        string? profile = null;
        Identifier? link = null;
        var planned = new Dictionary<IdentifierType, int>();
        var attach = new List<Identifier>();
        var merges = new List<(string, Identifier)>();
        var unlinked = new List<Identifier>();
        var released = new List<Identifier>();
        var nowShared = new List<Identifier>();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        var apart = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in ordered)
        {
            var owner = graph.OwnerOf(identifier);
            if (graph.IsShared(identifier))
                unlinked.Add(identifier);
            else if (owner is not null && !sharedChecked && SharingRules.SeenWithAnotherPerson(identifier, owner, ordered, graph, rules, firstName))
            {
                nowShared.Add(identifier);
                unlinked.Add(identifier);
            }
            else if (owner is not null && SharingRules.Recycled(identifier, owner, ordered, graph, atMs))
                released.Add(identifier);
            else if (owner is null)
            {
                if (Fits(planned, identifier.Type, 1, rules))
                {
                    attach.Add(identifier);
                    Add(planned, identifier.Type, 1);
                }
                else
                    unlinked.Add(identifier);
            }
            else if (!rules.For(identifier.Type).MayMerge)
                unlinked.Add(identifier);
            else if (profile is null)
            {
                // Only the types the event adds are checked: a profile already over a limit the tenant lowered later
                // keeps receiving its events.
                var combined = Combine(planned, graph.CountsOf(owner));
                if (planned.Keys.All(type => combined[type] <= rules.For(type).MaxPerProfile))
                {
                    profile = owner;
                    link = identifier;
                    planned = combined;
                    apart.UnionWith(graph.KeptApartFrom(owner));
                }
                else
                    unlinked.Add(identifier);
            }
            else if (owner != profile && !merged.Contains(owner))
            {
                var combined = Combine(planned, graph.CountsOf(owner));
                if (!apart.Contains(owner) && WithinLimits(combined, rules))
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
        return new Resolution(profile, link, attach, merges, unlinked) { Released = released, NowShared = nowShared };
    }

    /// <summary>
    /// An alias call, as Segment documents it: the previous id (an earlier user id, or an anonymous id) is the same person as
    /// <paramref name="user"/>. The person named by the user id keeps the profile and the previous id's profile is merged into
    /// it, whichever id sorts first, and past the user-id limit (the person now holds both ids). Only an undo keeps them apart.
    /// </summary>
    public static Resolution ResolveAlias(Identifier user, Identifier previous, IIdentityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var to = graph.OwnerOf(user);
        var from = graph.OwnerOf(previous);
        if (to is null && from is null)
            return new Resolution(null, null, [user, previous], [], []) { Rule = AttachRule.Alias };
        if (to is null)
            return new Resolution(from, previous, [user], [], []) { Rule = AttachRule.Alias };
        if (from is null)
            return new Resolution(to, user, [previous], [], []) { Rule = AttachRule.Alias };
        if (from == to)
            return new Resolution(to, user, [], [], []) { Rule = AttachRule.Alias };
        return graph.KeptApartFrom(to).Contains(from)
            ? new Resolution(to, user, [], [], [previous]) { Rule = AttachRule.Alias }
            : new Resolution(to, user, [], [(from, previous)], []) { Rule = AttachRule.Alias };
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
