namespace UniRetail.Marketing.Stitching;

/// <summary>
/// When an identifier is shared by several people, and when a phone has changed hands. Plain rules over what the graph
/// holds; no I/O.
/// <list type="bullet">
/// <item>An event carrying a personal identifier (user id, member id, loyalty card) the profile has no room for (its
/// limit of that type is reached: a second user id) shows a second person. Otherwise an event that carries one of the
/// profile's own personal identifiers is that person's and shows nothing shared.</item>
/// <item>Otherwise an e-mail, phone or payment account whose profile holds personal identifiers is <b>shared</b> once an
/// event carries it with a personal identifier of a kind its profile already holds another value of (a second user id,
/// member id or card: new, or held by another profile), or one held by a profile that holds such a second value: two
/// people's identifiers.</item>
/// <item>First names (<see cref="PersonNames"/>) that conflict are two people: an e-mail or phone is <b>shared</b> once
/// an event carries it with a stranger's personal identifier and a first name its profile's conflicts with, or once it
/// would bring together two profiles holding personal identifiers whose first names conflict (a non-member's web account
/// and her husband's card behind the family address). Names never join anything.</item>
/// <item>A device or anonymous id is one device; it is <b>shared</b> once an event carries it with another person's
/// personal identifier while its profile holds personal identifiers, or with an e-mail its profile does not hold when
/// that profile holds another (a daughter's sign-up on her father's laptop).</item>
/// <item>A phone is <b>recycled</b> when its profile last saw it more than <see cref="IdentityRules.PhoneRecycledAfter"/>
/// before an event that carries it with a person's identifiers (personal or e-mail), none of which that profile holds:
/// the number has a new owner, and it moves to the event's person instead of merging the two.</item>
/// </list>
/// </summary>
internal static class SharingRules
{
    public static bool SeenWithAnotherPerson(
        Identifier identifier, string owner, IReadOnlyCollection<Identifier> eventIdentifiers, IIdentityGraph graph, IdentityRules rules, string? eventFirstName = null)
    {
        ArgumentNullException.ThrowIfNull(eventIdentifiers);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(rules);
        if (IdentifierTypes.IsPersonal(identifier.Type))
            return false;
        var personal = eventIdentifiers.Where(i => IdentifierTypes.IsPersonal(i.Type)).ToList();
        // Most events (page views, a signed-in shopper's tracks) name no second person: decided without the profile.
        if (personal.Count == 0 && !(IdentifierTypes.IsWeak(identifier.Type) && eventIdentifiers.Any(i => i.Type == IdentifierType.Email)))
            return false;
        var held = graph.HeldBy(owner);
        var ownPersonal = held.Where(h => IdentifierTypes.IsPersonal(h.Type)).ToList();
        // A personal identifier the profile has no room for (a second user id) is a second person's, whatever else the
        // event carries: even a card that reached the profile only through this identifier.
        if (personal.Exists(p => graph.OwnerOf(p) != owner && ownPersonal.Count(h => h.Type == p.Type) >= rules.For(p.Type).MaxPerProfile))
            return true;
        // Otherwise an event that carries one of the profile's own personal identifiers is that person's: whatever else it
        // names (a second card, a member id on their own cookie) is theirs too.
        if (personal.Exists(p => graph.OwnerOf(p) == owner))
            return false;
        if (IdentifierTypes.IsWeak(identifier.Type))
        {
            if (ownPersonal.Count > 0 && personal.Count > 0)
                return true;
            return held.Any(h => h.Type == IdentifierType.Email) && eventIdentifiers.Any(i => i.Type == IdentifierType.Email && graph.OwnerOf(i) != owner);
        }
        if (ownPersonal.Count == 0)
            return false;
        if (PersonNames.Conflict(eventFirstName, graph.FirstNameOf(owner)))
            return true;
        // Two profiles holding personal identifiers of different kinds (a web account; a loyalty card) may be one person
        // meeting themselves through an e-mail; two of the same kind are two people.
        foreach (var other in personal)
        {
            var holder = graph.OwnerOf(other);
            if (holder is null ? ownPersonal.Exists(h => h.Type == other.Type) : SameKind(ownPersonal, graph.HeldBy(holder)) || PersonNames.Conflict(graph.FirstNameOf(owner), graph.FirstNameOf(holder)))
                return true;
        }
        return false;
    }

    private static bool SameKind(List<Identifier> ownPersonal, IReadOnlyCollection<Identifier> otherHeld) =>
        otherHeld.Any(o => IdentifierTypes.IsPersonal(o.Type) && ownPersonal.Exists(h => h.Type == o.Type && h.Value != o.Value));

    public static bool Recycled(Identifier phone, string owner, IReadOnlyCollection<Identifier> eventIdentifiers, IIdentityGraph graph, long atMs)
    {
        ArgumentNullException.ThrowIfNull(eventIdentifiers);
        ArgumentNullException.ThrowIfNull(graph);
        if (phone.Type != IdentifierType.Phone || graph.LastSeenMs(phone) is not { } last || atMs - last <= (long)IdentityRules.PhoneRecycledAfter.TotalMilliseconds)
            return false;
        var people = eventIdentifiers.Where(i => IdentifierTypes.IsPersonal(i.Type) || i.Type == IdentifierType.Email).ToList();
        return people.Count > 0 && people.TrueForAll(p => graph.OwnerOf(p) != owner);
    }
}
