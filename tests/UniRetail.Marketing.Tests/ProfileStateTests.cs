using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Profiles;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class ProfileStateTests
{
    private static ProfileEvent Event(long at, string source = "src_web", string channel = "web", string? store = null,
        Dictionary<string, string>? traits = null, Purchase? purchase = null, Dictionary<ConsentPurpose, bool>? consent = null) =>
        new(1, source, channel, store, "track", "x", at, [], null, traits ?? [], purchase, consent ?? []);

    [Fact]
    public void Apply_TraitsArrivingOutOfOrder_KeepTheLatestByEventTime()
    {
        var state = new ProfileState("p", 0);

        state.Apply(Event(2000, source: "src_app", traits: new() { ["city"] = "\"Leeds\"" }));
        state.Apply(Event(1000, source: "src_web", traits: new() { ["city"] = "\"York\"", ["name"] = "\"Ann\"" }));

        Assert.Equal(new TraitValue("\"Leeds\"", 2000, "src_app"), state.Traits["city"]);
        Assert.Equal(new TraitValue("\"Ann\"", 1000, "src_web"), state.Traits["name"]);
    }

    [Fact]
    public void Apply_OrdersAndRefunds_KeepCountsRevenueAndLastPurchase()
    {
        var state = new ProfileState("p", 0);

        state.Apply(Event(1000, purchase: new Purchase(PurchaseKind.Completed, 12.50m, "GBP")));
        state.Apply(Event(3000, purchase: new Purchase(PurchaseKind.Completed, 7.25m, "gbp")));
        state.Apply(Event(4000, purchase: new Purchase(PurchaseKind.Refunded, 2.00m, "GBP")));
        state.Apply(Event(5000, purchase: new Purchase(PurchaseKind.Completed, 5m, "XXX")));

        Assert.Equal((3L, 1L), (state.OrderCount, state.RefundCount));
        Assert.Equal(1775, state.Revenue["GBP"]);
        Assert.Equal(5000, state.LastPurchaseMs);
        Assert.Equal((1000L, 5000L, 4L), (state.FirstSeenMs!.Value, state.LastSeenMs!.Value, state.EventCount));
    }

    [Fact]
    public void Apply_StoreEvents_MakeTheBusiestStoreTheFavourite()
    {
        var state = new ProfileState("p", 0);

        state.Apply(Event(1, channel: "pos", store: "loc_a"));
        state.Apply(Event(2, channel: "pos", store: "loc_b"));
        state.Apply(Event(3, channel: "store", store: "loc_b"));
        state.Apply(Event(4));

        Assert.Equal("loc_b", state.FavouriteStore);
        Assert.Equal(["pos", "store", "web"], state.Channels);
    }

    [Fact]
    public void Absorb_CombinesFiguresAndKeepsTheLatestTraitsAndConsent()
    {
        var kept = new ProfileState("kept", 0);
        kept.Apply(Event(1000, traits: new() { ["city"] = "\"York\"" }, purchase: new Purchase(PurchaseKind.Completed, 10m, "GBP"),
            consent: new() { [ConsentPurpose.Marketing] = false }));
        var other = new ProfileState("other", 0);
        other.Apply(Event(500, traits: new() { ["city"] = "\"Hull\"" }, purchase: new Purchase(PurchaseKind.Completed, 5m, "GBP"),
            consent: new() { [ConsentPurpose.Marketing] = true }));
        other.Apply(Event(2000, consent: new() { [ConsentPurpose.Analytics] = false }));

        kept.Absorb(other);

        Assert.Equal((3L, 2L, 1500L), (kept.EventCount, kept.OrderCount, kept.Revenue["GBP"]));
        Assert.Equal((500L, 2000L), (kept.FirstSeenMs!.Value, kept.LastSeenMs!.Value));
        Assert.Equal("\"York\"", kept.Traits["city"].Json);
        Assert.False(kept.Allows(ConsentPurpose.Marketing));
        Assert.False(kept.Allows(ConsentPurpose.Analytics));
        Assert.True(kept.Allows(ConsentPurpose.Personalisation));
    }

    [Fact]
    public void Allows_WithNoRecordedChoice_AllowsAnalyticsButNotMarketing()
    {
        var state = new ProfileState("p", 0);

        Assert.True(state.Allows(ConsentPurpose.Analytics));
        Assert.False(state.Allows(ConsentPurpose.Marketing));
    }

    [Fact]
    public void Apply_AnAbsurdAmount_CountsTheOrderButNotTheMoney()
    {
        var state = new ProfileState("p", 0);

        state.Apply(Event(1, purchase: new Purchase(PurchaseKind.Completed, 1e20m, "GBP")));
        state.Apply(Event(2, purchase: new Purchase(PurchaseKind.Completed, 5m, "GBP")));

        Assert.Equal((2L, 500L), (state.OrderCount, state.Revenue["GBP"]));
    }
}
