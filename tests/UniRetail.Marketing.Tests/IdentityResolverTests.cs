using UniRetail.Marketing.Stitching;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class IdentityResolverTests
{
    private static Identifier User(string v) => new(IdentifierType.UserId, v);
    private static Identifier Anon(string v) => new(IdentifierType.AnonymousId, v);
    private static Identifier Email(string v) => new(IdentifierType.Email, v);
    private static Identifier Device(string v) => new(IdentifierType.DeviceId, v);
    private static Identifier Card(string v) => new(IdentifierType.PaymentAccount, v);

    [Fact]
    public void Resolve_OnlyNewIdentifiers_StartsANewProfileWithAllOfThem()
    {
        var resolution = IdentityResolver.Resolve([User("u1"), Anon("a1")], new Graph(), IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([User("u1"), Anon("a1")], resolution.Attach);
        Assert.Empty(resolution.Merges);
    }

    [Fact]
    public void Resolve_KnownAnonymousIdWithANewUserId_AttachesTheUserIdToThatProfile()
    {
        var graph = new Graph().Holds("p1", Anon("a1"));

        var resolution = IdentityResolver.Resolve([User("u1"), Anon("a1")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Equal([User("u1")], resolution.Attach);
    }

    [Fact]
    public void Resolve_TwoProfilesLinkedByAnEmail_MergesTheWeakerLinkedOneIntoTheStronger()
    {
        var graph = new Graph().Holds("p1", User("u1")).Holds("p2", Anon("a2"), Email("ann@example.com"));

        var resolution = IdentityResolver.Resolve([User("u1"), Email("ann@example.com")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Equal([("p2", Email("ann@example.com"))], resolution.Merges);
    }

    [Fact]
    public void Resolve_SharedTabletUsedByASecondShopper_StartsANewProfileInsteadOfMerging()
    {
        var graph = new Graph().Holds("ann", User("ann"), Device("tablet-7"), Anon("tablet-cookie"));

        var resolution = IdentityResolver.Resolve([User("bob"), Device("tablet-7"), Anon("tablet-cookie")], graph, IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([User("bob")], resolution.Attach);
        Assert.Equal([Device("tablet-7"), Anon("tablet-cookie")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_TwoProfilesWithDifferentUserIds_NeverMerge()
    {
        var graph = new Graph().Holds("p1", User("u1")).Holds("p2", User("u2"), Email("shared@example.com"));

        var resolution = IdentityResolver.Resolve([User("u1"), Email("shared@example.com")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([Email("shared@example.com")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_ATypeThatMayNotMerge_LinksNothing()
    {
        var graph = new Graph().Holds("p1", User("u1")).Holds("p2", Anon("a2"), Card("card-1"));

        var resolution = IdentityResolver.Resolve([User("u1"), Card("card-1")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([Card("card-1")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_AProfileAtItsLimitForAType_TakesNoMoreOfIt()
    {
        var rules = new IdentityRules([new IdentityRule(IdentifierType.Email, true, 2, 3)], new HashSet<string>());
        var graph = new Graph().Holds("p1", User("u1"), Email("a@example.com"), Email("b@example.com"));

        var resolution = IdentityResolver.Resolve([User("u1"), Email("c@example.com")], graph, rules);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Empty(resolution.Attach);
        Assert.Equal([Email("c@example.com")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_PriorityDecidesWhichLinkWins()
    {
        // The tenant trusts e-mail over its own user ids (say, user ids come from a legacy app that reuses them).
        var rules = new IdentityRules([new IdentityRule(IdentifierType.Email, true, 1, 1), new IdentityRule(IdentifierType.UserId, true, 1, 2)], new HashSet<string>());
        var graph = new Graph().Holds("p1", User("u1"), Email("x@example.com")).Holds("p2", Email("ann@example.com"));

        var resolution = IdentityResolver.Resolve([User("u1"), Email("ann@example.com")], graph, rules);

        Assert.Equal("p2", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([User("u1")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_AProfileOverALimitLoweredLater_StillGetsItsEvents()
    {
        var rules = new IdentityRules([new IdentityRule(IdentifierType.AnonymousId, true, 2, 8)], new HashSet<string>());
        var graph = new Graph().Holds("p1", Anon("a1"), Anon("a2"), Anon("a3"));

        var resolution = IdentityResolver.Resolve([Anon("a2")], graph, rules);

        Assert.Equal("p1", resolution.ProfileId);
    }

    [Fact]
    public void Resolve_TwoProfilesAnUndoneMergeKeepsApart_AreNotMergedAndTheWeakerLinkIsLeftUnlinked()
    {
        var graph = new Graph().Holds("p1", User("u1"), Email("ann@example.com")).Holds("p2", Anon("app-9")).KeepsApart("p1", "p2");

        var resolution = IdentityResolver.Resolve([Anon("app-9"), Email("ann@example.com")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([Anon("app-9")], resolution.Unlinked);
    }

    [Fact]
    public void Resolve_AProfileMergedInOnTheWay_BringsWhoItIsKeptApartFrom()
    {
        var graph = new Graph().Holds("p1", User("u1")).Holds("p2", Email("ann@example.com")).Holds("p3", Anon("a3")).KeepsApart("p2", "p3");

        var resolution = IdentityResolver.Resolve([User("u1"), Email("ann@example.com"), Anon("a3")], graph, IdentityRules.Default);

        Assert.Equal("p1", resolution.ProfileId);
        Assert.Equal([("p2", Email("ann@example.com"))], resolution.Merges);
        Assert.Equal([Anon("a3")], resolution.Unlinked);
    }
}
