using UniRetail.Marketing.Stitching;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>Shared identifiers, recycled phones and alias, as the resolver applies them (issue 13).</summary>
public sealed class SharingRulesTests
{
    private static Identifier User(string v) => new(IdentifierType.UserId, v);
    private static Identifier Anon(string v) => new(IdentifierType.AnonymousId, v);
    private static Identifier Email(string v) => new(IdentifierType.Email, v);
    private static Identifier Device(string v) => new(IdentifierType.DeviceId, v);
    private static Identifier Card(string v) => new(IdentifierType.PaymentAccount, v);
    private static Identifier Loyalty(string v) => new(IdentifierType.LoyaltyCard, v);
    private static Identifier Phone(string v) => new(IdentifierType.Phone, v);
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    [Fact]
    public void Resolve_AFamilyEmailSeenWithASecondLoyaltyCard_IsSharedAndTheCardStartsItsOwnProfile()
    {
        var graph = new Graph().Holds("ann", Loyalty("601200000001"), Email("family@example.com"));

        var resolution = IdentityResolver.Resolve([Loyalty("601200000002"), Email("family@example.com")], graph, IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([Loyalty("601200000002")], resolution.Attach);
        Assert.Equal([Email("family@example.com")], resolution.NowShared);
    }

    [Fact]
    public void Resolve_APersonsOwnCardAndAFamilyEmailHeldByAnotherAccount_GoesToTheCardsProfileAndMergesNothing()
    {
        var graph = new Graph().Holds("ann", User("u-ann"), Email("family@example.com")).Holds("bob", User("u-bob"), Loyalty("601200000020"));

        var resolution = IdentityResolver.Resolve([Loyalty("601200000020"), Email("family@example.com")], graph, IdentityRules.Default);

        Assert.Equal("bob", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([Email("family@example.com")], resolution.NowShared);
    }

    [Fact]
    public void Resolve_AWebAccountMeetingItsTillCardThroughItsEmail_MergesThem()
    {
        var graph = new Graph().Holds("web", User("u-jo"), Email("jo@example.com")).Holds("till", Loyalty("601200000030"));

        var resolution = IdentityResolver.Resolve([Loyalty("601200000030"), Email("jo@example.com")], graph, IdentityRules.Default);

        Assert.Equal("till", resolution.ProfileId);
        Assert.Equal([("web", Email("jo@example.com"))], resolution.Merges);
        Assert.Empty(resolution.NowShared);
    }

    [Fact]
    public void Resolve_AWebAccountAndATillCardWhoseNamesConflict_AreTwoPeopleBehindASharedEmail()
    {
        var graph = new Graph().Holds("ann", User("u-ann"), Email("smiths@example.com")).Named("ann", "ann")
            .Holds("bob", new Identifier(IdentifierType.MemberId, "mem_bob"), Loyalty("601200000040")).Named("bob", "bob");

        var resolution = IdentityResolver.Resolve([Loyalty("601200000040"), Email("smiths@example.com")], graph, IdentityRules.Default);

        Assert.Equal("bob", resolution.ProfileId);
        Assert.Empty(resolution.Merges);
        Assert.Equal([Email("smiths@example.com")], resolution.NowShared);
    }

    [Fact]
    public void Resolve_ASignUpWhoseNameConflictsWithTheEmailsProfile_StartsItsOwnProfile()
    {
        var graph = new Graph().Holds("bob", Loyalty("601200000041"), Email("smiths@example.com")).Named("bob", "bob");

        var resolution = IdentityResolver.Resolve([User("u-ann"), Email("smiths@example.com")], graph, IdentityRules.Default, firstName: "ann");

        Assert.Null(resolution.ProfileId);
        Assert.Equal([User("u-ann")], resolution.Attach);
        Assert.Equal([Email("smiths@example.com")], resolution.NowShared);
    }

    [Fact]
    public void Resolve_AShortFormOfTheProfilesName_IsNoConflictAndJoins()
    {
        var graph = new Graph().Holds("rob", Loyalty("601200000042"), Email("rob@example.com")).Named("rob", "robert");

        var resolution = IdentityResolver.Resolve([User("u-rob"), Email("rob@example.com")], graph, IdentityRules.Default, firstName: "rob");

        Assert.Equal("rob", resolution.ProfileId);
        Assert.Empty(resolution.NowShared);
    }

    [Theory]
    [InlineData("{\"name\":\"\\u00C9lodie Martin\"}", "elodie")]
    [InlineData("{\"firstName\":\"Bob\",\"name\":\"Robert Smith\"}", "bob")]
    [InlineData("{\"first_name\":\"\\u0141ukasz\"}", "lukasz")]
    [InlineData("{\"name\":\"\\u738B\\u82B3\"}", "\u738B\u82B3")]
    [InlineData("{\"name\":\"J. Smith\"}", null)]
    [InlineData("{\"name\":42}", null)]
    [InlineData("{}", null)]
    public void FirstName_ReadsTheFirstNameTraitOrTheFirstWordOfTheName(string traits, string? expected)
    {
        var parsed = System.Text.Json.JsonDocument.Parse(traits).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());

        Assert.Equal(expected, PersonNames.FirstName(t => parsed.GetValueOrDefault(t)));
    }

    [Fact]
    public void Resolve_ADaughtersEmailOnHerFathersLaptop_DoesNotJoinHim()
    {
        var graph = new Graph().Holds("dad", User("u-dad"), Anon("laptop"), Email("dad@example.com"));

        var resolution = IdentityResolver.Resolve([Anon("laptop"), Email("daughter@example.com")], graph, IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([Email("daughter@example.com")], resolution.Attach);
        Assert.Equal([Anon("laptop")], resolution.NowShared);
    }

    [Fact]
    public void Resolve_AKnownSharedIdentifier_NamesNoProfile()
    {
        var graph = new Graph().Holds("p1", Device("ipad-1"));
        graph.Shared.Add(Device("ipad-1"));

        var resolution = IdentityResolver.Resolve([Device("ipad-1"), Loyalty("601200000040")], graph, IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([Loyalty("601200000040")], resolution.Attach);
    }

    [Fact]
    public void Resolve_AKnownPaymentAccountWithANewEmail_JoinsNothing()
    {
        var graph = new Graph().Holds("ann", Loyalty("601200000050"), Card("pm_joint"));

        var resolution = IdentityResolver.Resolve([Card("pm_joint"), Email("partner@example.com")], graph, IdentityRules.Default);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([Email("partner@example.com")], resolution.Attach);
    }

    [Fact]
    public void Resolve_APhoneIdleForMoreThanHalfAYearWithAnotherPersonsEmail_LeavesItsOldOwner()
    {
        var graph = new Graph().Holds("old", User("u-old"), Phone("+447700900123"));
        graph.LastSeen[Phone("+447700900123")] = 0;

        var resolution = IdentityResolver.Resolve([Phone("+447700900123"), Email("new@example.com")], graph, IdentityRules.Default, atMs: 200 * Day);

        Assert.Null(resolution.ProfileId);
        Assert.Equal([Phone("+447700900123")], resolution.Released);
        Assert.Equal([Email("new@example.com")], resolution.Attach);
    }

    [Fact]
    public void Resolve_APhoneSeenRecently_StillLinks()
    {
        var graph = new Graph().Holds("old", User("u-old"), Phone("+447700900123"));
        graph.LastSeen[Phone("+447700900123")] = 0;

        var resolution = IdentityResolver.Resolve([Phone("+447700900123"), Email("new@example.com")], graph, IdentityRules.Default, atMs: 100 * Day);

        Assert.Equal("old", resolution.ProfileId);
        Assert.Empty(resolution.Released);
    }

    [Theory]
    [InlineData("u-1", "u-2")]
    [InlineData("u-2", "u-1")]
    public void ResolveAlias_TwoUserIdsOnTwoProfiles_MergesThePreviousIntoTheNewWhicheverSortsFirst(string previous, string user)
    {
        var graph = new Graph().Holds("old", User(previous)).Holds("new", User(user));

        var resolution = IdentityResolver.ResolveAlias(User(user), User(previous), graph);

        Assert.Equal("new", resolution.ProfileId);
        Assert.Equal([("old", User(previous))], resolution.Merges);
    }

    [Fact]
    public void ResolveAlias_ANewUserIdForAKnownPrevious_JoinsThePreviousProfile()
    {
        var graph = new Graph().Holds("old", User("u-old"));

        var resolution = IdentityResolver.ResolveAlias(User("u-new"), User("u-old"), graph);

        Assert.Equal(("old", AttachRule.Alias), (resolution.ProfileId, resolution.Rule));
        Assert.Equal([User("u-new")], resolution.Attach);
    }

    [Fact]
    public void Resolve_ASignedInShopperNamingANewMemberIdAndCardOnTheirOwnCookie_SharesNothing()
    {
        var graph = new Graph().Holds("ann", User("u-ann"), Anon("ann-cookie"), Loyalty("601200000060"), Email("ann@example.com"));

        var resolution = IdentityResolver.Resolve(
            [User("u-ann"), Anon("ann-cookie"), new Identifier(IdentifierType.MemberId, "mem_1"), Loyalty("601200000061"), Email("ann@example.com")], graph, IdentityRules.Default);

        Assert.Equal("ann", resolution.ProfileId);
        Assert.Empty(resolution.NowShared);
        Assert.Equal([new Identifier(IdentifierType.MemberId, "mem_1"), Loyalty("601200000061")], resolution.Attach);
    }

    [Fact]
    public void Resolve_ASecondUserIdWithACardThatJoinedThroughTheFamilyEmail_SharesTheEmail()
    {
        var graph = new Graph().Holds("ann", User("u-ann"), Email("family@example.com"), Loyalty("601200000010"));

        var resolution = IdentityResolver.Resolve([User("u-jo"), Email("family@example.com"), Loyalty("601200000010")], graph, IdentityRules.Default);

        Assert.Contains(Email("family@example.com"), resolution.NowShared);
    }
}
