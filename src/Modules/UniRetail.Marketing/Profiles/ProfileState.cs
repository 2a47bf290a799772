using UniRetail.Kernel;
using UniRetail.Marketing.Consent;

namespace UniRetail.Marketing.Profiles;

/// <summary>
/// One person as the data bank knows them: traits (latest event time wins, with the source that set each), consent, and
/// aggregates kept current event by event. Plain state and rules, no I/O: the projector loads it, applies events, and
/// saves it; an undone merge rebuilds it by applying the profile's events again.
/// </summary>
internal sealed class ProfileState(string profileId, long createdAtMs)
{
    public string ProfileId { get; } = profileId;
    public long CreatedAtMs { get; } = createdAtMs;
    /// <summary>The stored version this state was loaded at (0 for a new profile); saving checks it is unchanged.</summary>
    public long Version { get; init; }
    public long? FirstSeenMs { get; set; }
    public long? LastSeenMs { get; set; }
    public long EventCount { get; set; }
    public long OrderCount { get; set; }
    public long RefundCount { get; set; }
    public long CancelCount { get; set; }
    public long? LastPurchaseMs { get; set; }
    /// <summary>Net revenue in minor units per currency: orders completed less refunds and cancellations that name an amount.</summary>
    public Dictionary<string, long> Revenue { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Events per store, for the favourite store.</summary>
    public Dictionary<string, long> StoreEvents { get; init; } = new(StringComparer.Ordinal);
    public SortedSet<string> Channels { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, TraitValue> Traits { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<ConsentPurpose, ConsentChoice> Consent { get; init; } = [];

    /// <summary>The store with the most events (ties: the lexically first id, so it is stable).</summary>
    public string? FavouriteStore => StoreEvents.Count == 0
        ? null
        : StoreEvents.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

    public bool Allows(ConsentPurpose purpose) =>
        Consent.TryGetValue(purpose, out var choice) ? choice.Granted : ConsentPurposes.DefaultFor(purpose);

    public void Apply(ProfileEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        EventCount++;
        FirstSeenMs = FirstSeenMs is { } first ? Math.Min(first, e.TimestampMs) : e.TimestampMs;
        LastSeenMs = LastSeenMs is { } last ? Math.Max(last, e.TimestampMs) : e.TimestampMs;
        Channels.Add(e.Channel);
        if (e.LocationId is not null)
            StoreEvents[e.LocationId] = StoreEvents.GetValueOrDefault(e.LocationId) + 1;
        foreach (var (name, json) in e.Traits)
            SetTrait(name, new TraitValue(json, e.TimestampMs, e.SourceId));
        foreach (var (purpose, granted) in e.Consent)
            SetConsent(purpose, new ConsentChoice(granted, e.TimestampMs, e.SourceId));
        if (e.Purchase is { } purchase)
            ApplyPurchase(purchase, e.TimestampMs);
    }

    /// <summary>Folds another profile of the same person into this one.</summary>
    public void Absorb(ProfileState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EventCount += other.EventCount;
        OrderCount += other.OrderCount;
        RefundCount += other.RefundCount;
        CancelCount += other.CancelCount;
        FirstSeenMs = Min(FirstSeenMs, other.FirstSeenMs);
        LastSeenMs = Max(LastSeenMs, other.LastSeenMs);
        LastPurchaseMs = Max(LastPurchaseMs, other.LastPurchaseMs);
        foreach (var (currency, minor) in other.Revenue)
            Revenue[currency] = Revenue.GetValueOrDefault(currency) + minor;
        foreach (var (store, count) in other.StoreEvents)
            StoreEvents[store] = StoreEvents.GetValueOrDefault(store) + count;
        Channels.UnionWith(other.Channels);
        foreach (var (name, value) in other.Traits)
            SetTrait(name, value);
        foreach (var (purpose, choice) in other.Consent)
            SetConsent(purpose, choice);
    }

    /// <summary>Latest event time wins; at the same instant the later-applied value wins.</summary>
    public void SetTrait(string name, TraitValue value)
    {
        if (!Traits.TryGetValue(name, out var current) || current.AtMs <= value.AtMs)
            Traits[name] = value;
    }

    public void SetConsent(ConsentPurpose purpose, ConsentChoice choice)
    {
        if (!Consent.TryGetValue(purpose, out var current) || current.AtMs <= choice.AtMs)
            Consent[purpose] = choice;
    }

    private void ApplyPurchase(Purchase purchase, long atMs)
    {
        switch (purchase.Kind)
        {
            case PurchaseKind.Completed:
                OrderCount++;
                LastPurchaseMs = Max(LastPurchaseMs, atMs);
                AddRevenue(purchase, +1);
                break;
            case PurchaseKind.Refunded:
                RefundCount++;
                AddRevenue(purchase, -1);
                break;
            case PurchaseKind.Cancelled:
                CancelCount++;
                AddRevenue(purchase, -1);
                break;
        }
    }

    /// <summary>No single order is worth more than this (major units); a larger amount is a sender's mistake and is left out.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Amounts in a currency UniRetail does not know, or beyond <see cref="MaxAmount"/>, are left out of revenue (the order still counts).</summary>
    private void AddRevenue(Purchase purchase, int sign)
    {
        var parsed = Currency.Parse(purchase.Currency);
        if (purchase.Amount is not { } amount || amount > MaxAmount || !parsed.IsSuccess)
            return;
        var currency = parsed.Value;
        var money = Money.Of(decimal.Round(amount, currency.Exponent, MidpointRounding.ToEven), currency).Value;
        Revenue[currency.Code] = Revenue.GetValueOrDefault(currency.Code) + sign * money.MinorUnits;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
