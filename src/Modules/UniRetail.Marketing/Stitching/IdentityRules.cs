namespace UniRetail.Marketing.Stitching;

/// <summary>
/// How one identifier type takes part in stitching: whether sharing it may merge two profiles, the most values of it a
/// profile may hold (a shared in-store tablet's device id must not pull every shopper into one person), and its priority
/// (1 is strongest): when an event's identifiers disagree, the stronger ones decide which profile it belongs to.
/// </summary>
internal sealed record IdentityRule(IdentifierType Type, bool MayMerge, int MaxPerProfile, int Priority);

/// <summary>A tenant's identity rules and blocked values; types the tenant has not configured use the defaults.</summary>
internal sealed class IdentityRules
{
    public const int MaxLimit = 1000;

    public static readonly IReadOnlyList<IdentityRule> Defaults =
    [
        new(IdentifierType.UserId, MayMerge: true, MaxPerProfile: 1, Priority: 1),
        new(IdentifierType.MemberId, MayMerge: true, MaxPerProfile: 1, Priority: 2),
        // A loyalty card is one person's; an e-mail or a phone may be a household's. When an event carries both, the card decides.
        new(IdentifierType.LoyaltyCard, MayMerge: true, MaxPerProfile: 3, Priority: 3),
        new(IdentifierType.Email, MayMerge: true, MaxPerProfile: 5, Priority: 4),
        new(IdentifierType.Phone, MayMerge: true, MaxPerProfile: 3, Priority: 5),
        new(IdentifierType.PaymentAccount, MayMerge: false, MaxPerProfile: 5, Priority: 6),
        new(IdentifierType.DeviceId, MayMerge: true, MaxPerProfile: 5, Priority: 7),
        new(IdentifierType.AnonymousId, MayMerge: true, MaxPerProfile: 100, Priority: 8),
    ];

    public static readonly IdentityRules Default = new([], new HashSet<string>());

    /// <summary>How long a phone may go unseen with its profile before a different person's event takes it (a recycled number).</summary>
    public static readonly TimeSpan PhoneRecycledAfter = TimeSpan.FromDays(180);

    private readonly Dictionary<IdentifierType, IdentityRule> _rules;

    public IdentityRules(IEnumerable<IdentityRule> configured, IReadOnlySet<string> blocked)
    {
        _rules = Defaults.ToDictionary(r => r.Type);
        foreach (var rule in configured)
            _rules[rule.Type] = rule;
        Blocked = blocked;
        InPriorityOrder = _rules.Values.OrderBy(r => r.Priority).ThenBy(r => r.Type).Select(r => r.Type).ToList();
    }

    /// <summary>The tenant's own junk values, compared after normalisation.</summary>
    public IReadOnlySet<string> Blocked { get; }

    public IReadOnlyList<IdentifierType> InPriorityOrder { get; }

    public IdentityRule For(IdentifierType type) => _rules[type];

    public IReadOnlyList<IdentityRule> All => InPriorityOrder.Select(For).ToList();

    public Identifier? Normalise(IdentifierType type, string? raw) => IdentifierNormaliser.Normalise(type, raw, Blocked);
}
