using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Stitching;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>Identity resolution and profiles end to end: events in through the event API, projected, read back.</summary>
public abstract class ProfilesTests(DatabaseProvider provider) : DataBankTest(provider)
{
    private string _pos = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _pos = await NewSourceAsync("app", "Loyalty app");
    }

    private Caller Marketer => Admin with { Role = Role.Marketer };

    private Task<long> ProjectAsync() => Get<ProfileProjector>().CatchUpAsync(Ct);

    private async Task<ProfileView> ProfileAsync(string type, string value, Caller? caller = null)
    {
        var found = await Get<ProfileQueries>().FindAsync(caller ?? Admin, type, value, Ct);
        Assert.True(found.IsSuccess, found.Error?.Message);
        return found.Value;
    }

    private async Task<IReadOnlyList<EventView>> TimelineAsync(string profileId, Caller? caller = null) =>
        (await Get<ProfileQueries>().TimelineAsync(caller ?? Admin, profileId, new PageQuery(500, null), Ct)).Value.Items;

    [Fact]
    public async Task Project_AnonymousVisitorWhoLogsIn_IsOnePersonWithTheWholeTimeline()
    {
        await SendAsync(Web, """
            {"type":"page","anonymousId":"anon-1","name":"Home","timestamp":"2026-11-01T10:00:00Z"},
            {"type":"track","anonymousId":"anon-1","event":"Product Viewed","timestamp":"2026-11-01T10:01:00Z"},
            {"type":"identify","anonymousId":"anon-1","userId":"u-ann","traits":{"email":"Ann@Example.com","name":"Ann"},"timestamp":"2026-11-01T10:02:00Z"},
            {"type":"track","userId":"u-ann","event":"Order Completed","properties":{"revenue":42.5,"currency":"GBP"},"timestamp":"2026-11-01T10:03:00Z"}
            """);

        Assert.Equal(4, await ProjectAsync());

        var ann = await ProfileAsync("email", "ann@example.com");
        Assert.Equal(ann.ProfileId, (await ProfileAsync("anonymous_id", "anon-1")).ProfileId);
        Assert.Equal(["anonymous_id:anon-1", "email:ann@example.com", "user_id:u-ann"], ann.Identifiers.Select(i => $"{i.Type}:{i.Value}").Order());
        Assert.Equal("Ann", ann.Traits!["name"].Value.GetString());
        Assert.Equal((4L, 1L), (ann.Aggregates!.Events, ann.Aggregates.Orders));
        Assert.Equal(42.5m, Assert.Single(ann.Aggregates.Revenue).Amount);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T10:03:00Z", System.Globalization.CultureInfo.InvariantCulture), ann.Aggregates.LastPurchase);
        Assert.Equal(["Order Completed", "identify", "Product Viewed", "Home"], (await TimelineAsync(ann.ProfileId)).Select(e => e.Event ?? e.Name ?? e.Type));
    }

    [Fact]
    public async Task Project_RunAgainOrAfterARestart_CountsNothingTwice()
    {
        await SendAsync(Web, """{"type":"track","userId":"u-1","event":"A"},{"type":"track","userId":"u-1","event":"B"}""");
        await ProjectAsync();
        Assert.Equal(0, await ProjectAsync());

        await SendAsync(Web, """{"type":"track","userId":"u-1","event":"C"}""");
        // A second projector instance stands for a restarted server: it resumes from the stored position.
        var restarted = ActivatorUtilities.CreateInstance<ProfileProjector>(Host.Services);
        Assert.Equal(1, await restarted.CatchUpAsync(Ct));

        Assert.Equal(3, (await ProfileAsync("user_id", "u-1")).Aggregates!.Events);
    }

    [Fact]
    public async Task Project_EmailSeenOnTwoSources_MergesThemAndTheMergeCanBeUndone()
    {
        await SendAsync(Web, """{"type":"identify","userId":"u-ann","traits":{"email":"ann@example.com","city":"York"},"timestamp":"2026-11-01T10:00:00Z"}""");
        await SendAsync(_pos, """
            {"type":"identify","anonymousId":"app-install-9","traits":{"phone":"07700 900123","city":"Leeds"},"timestamp":"2026-11-02T10:00:00Z"},
            {"type":"track","anonymousId":"app-install-9","event":"Order Completed","properties":{"total":10,"currency":"GBP"},"timestamp":"2026-11-02T11:00:00Z"}
            """);
        await ProjectAsync();
        var app = await ProfileAsync("phone", "+447700900123");
        Assert.NotEqual((await ProfileAsync("user_id", "u-ann")).ProfileId, app.ProfileId);

        await SendAsync(_pos, """{"type":"identify","anonymousId":"app-install-9","traits":{"email":"ANN@example.com"},"timestamp":"2026-11-03T10:00:00Z"}""");
        await ProjectAsync();

        var ann = await ProfileAsync("user_id", "u-ann");
        Assert.Equal(ann.ProfileId, (await ProfileAsync("phone", "+447700900123")).ProfileId);
        Assert.Equal([app.ProfileId], ann.MergedProfiles);
        Assert.Equal("Leeds", ann.Traits!["city"].Value.GetString());
        Assert.Equal((4L, 1L), (ann.Aggregates!.Events, ann.Aggregates.Orders));
        var merge = Assert.Single((await Get<ProfileQueries>().MergesAsync(Admin, ann.ProfileId, PageQuery.First, Ct)).Value.Items);
        // Ann's e-mail put the event on Ann's profile; the app's anonymous id on the same event is what pulled the app profile in.
        Assert.Equal(("anonymous_id", "app-install-9"), (merge.LinkType, merge.LinkValue));
        Assert.Equal(ann.ProfileId, (await Get<ProfileQueries>().ShowAsync(Admin, app.ProfileId, Ct)).Value.ProfileId);

        var undone = await Get<UndoMerge>().HandleAsync(Admin, merge.MergeId, Ct);

        Assert.True(undone.IsSuccess, undone.Error?.Message);
        var restored = await ProfileAsync("phone", "+447700900123");
        Assert.Equal(app.ProfileId, restored.ProfileId);
        // The event that linked them carried the app's anonymous id, so it goes back with the app profile.
        Assert.Equal((3L, 1L), (restored.Aggregates!.Events, restored.Aggregates.Orders));
        Assert.Equal("Leeds", restored.Traits!["city"].Value.GetString());
        var annAgain = await ProfileAsync("user_id", "u-ann");
        Assert.Equal((1L, 0L), (annAgain.Aggregates!.Events, annAgain.Aggregates.Orders));
        Assert.Equal("York", annAgain.Traits!["city"].Value.GetString());
        Assert.Equal(["identify"], (await TimelineAsync(annAgain.ProfileId)).Select(e => e.Type));
        Assert.Equal(ErrorKind.Conflict, (await Get<UndoMerge>().HandleAsync(Admin, merge.MergeId, Ct)).ShouldFail().Kind);
    }

    [Fact]
    public async Task Project_SharedStoreTablet_DoesNotMergeTheShoppersWhoUsedIt()
    {
        await SendAsync(_pos, """
            {"type":"identify","userId":"u-ann","anonymousId":"tablet","context":{"device":{"id":"ipad-7"}}},
            {"type":"identify","userId":"u-bob","anonymousId":"tablet","context":{"device":{"id":"ipad-7"}}},
            {"type":"identify","userId":"u-cat","anonymousId":"tablet","context":{"device":{"id":"ipad-7"}}}
            """);
        await ProjectAsync();

        var profiles = new[] { "u-ann", "u-bob", "u-cat" };
        var ids = new List<string>();
        foreach (var user in profiles)
            ids.Add((await ProfileAsync("user_id", user)).ProfileId);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(1, (await ProfileAsync("user_id", "u-bob")).Aggregates!.Events);
    }

    [Fact]
    public async Task Project_JunkAndTenantBlockedValues_NeverJoinAProfile()
    {
        await Get<ManageIdentityRules>().SetAsync(Admin, new IdentityRulesRequest([], ["store@camden.example"]), Ct);
        await SendAsync(Web, """
            {"type":"identify","userId":"u-1","traits":{"email":"test@test.com"}},
            {"type":"identify","userId":"u-2","traits":{"email":"test@test.com"}},
            {"type":"identify","userId":"u-3","traits":{"email":"Store@Camden.example"}},
            {"type":"identify","userId":"u-4","traits":{"email":"store@camden.example"}},
            {"type":"identify","userId":"null","anonymousId":"a-5"}
            """);
        await ProjectAsync();

        Assert.NotEqual((await ProfileAsync("user_id", "u-1")).ProfileId, (await ProfileAsync("user_id", "u-2")).ProfileId);
        Assert.NotEqual((await ProfileAsync("user_id", "u-3")).ProfileId, (await ProfileAsync("user_id", "u-4")).ProfileId);
        Assert.Equal(["anonymous_id"], (await ProfileAsync("anonymous_id", "a-5")).Identifiers.Select(i => i.Type));
        Assert.Equal(ErrorKind.Validation, (await Get<ProfileQueries>().FindAsync(Admin, "email", "test@test.com", Ct)).ShouldFail().Kind);
    }

    [Fact]
    public async Task Project_Alias_JoinsThePreviousIdToTheUser()
    {
        await SendAsync(Web, """
            {"type":"track","anonymousId":"cookie-1","event":"Product Viewed"},
            {"type":"track","userId":"u-9","event":"Signed In"},
            {"type":"alias","previousId":"cookie-1","userId":"u-9"}
            """);
        await ProjectAsync();

        var person = await ProfileAsync("user_id", "u-9");
        Assert.Equal(person.ProfileId, (await ProfileAsync("anonymous_id", "cookie-1")).ProfileId);
        Assert.Equal(3, person.Aggregates!.Events);
    }

    [Fact]
    public async Task Consent_FromEventsAndTheApi_GovernsWhatAMarketerSees()
    {
        await SendAsync(Web, """
            {"type":"identify","userId":"u-1","traits":{"name":"Ann"},"context":{"consent":{"categoryPreferences":{"Analytics":false,"Advertising":true}}}},
            {"type":"identify","userId":"u-2","traits":{"name":"Bob"}}
            """);
        await ProjectAsync();

        var ann = await ProfileAsync("user_id", "u-1", Marketer);
        Assert.Null(ann.Aggregates);
        Assert.Equal(["aggregates", "timeline"], ann.Withheld);
        Assert.Equal("Ann", ann.Traits!["name"].Value.GetString());
        Assert.Empty(await TimelineAsync(ann.ProfileId, Marketer));
        Assert.NotEmpty(await TimelineAsync(ann.ProfileId));
        Assert.Equal(["u-2"], (await Get<EventQueries>().ListAsync(Marketer, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.UserId));
        Assert.Equal(["u-1", "u-2"], (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.UserId));
        Assert.Equal([ann.ProfileId], (await Get<ProfileQueries>().AllowingAsync(Marketer, "marketing", PageQuery.First, Ct)).Value.Items);

        var bob = await ProfileAsync("user_id", "u-2", Marketer);
        var recorded = await Get<RecordConsent>().HandleAsync(Admin, bob.ProfileId, new RecordConsentRequest(new Dictionary<string, bool> { ["personalisation"] = false, ["marketing"] = true }), Ct);

        Assert.True(recorded.IsSuccess, recorded.Error?.Message);
        var bobNow = await ProfileAsync("user_id", "u-2", Marketer);
        Assert.Null(bobNow.Traits);
        Assert.Equal(["traits"], bobNow.Withheld);
        Assert.Equal(new[] { ann.ProfileId, bob.ProfileId }.Order(), (await Get<ProfileQueries>().AllowingAsync(Marketer, "marketing", PageQuery.First, Ct)).Value.Items.Order());
        Assert.Equal("purposes.spam", (await Get<RecordConsent>().HandleAsync(Admin, bob.ProfileId, new RecordConsentRequest(new Dictionary<string, bool> { ["spam"] = true }), Ct)).ShouldFail().Field);

        // A projector batch touching Bob after the API recorded consent keeps the API's choice.
        await SendAsync(Web, """{"type":"track","userId":"u-2","event":"Product Viewed"}""");
        await ProjectAsync();
        Assert.Null((await ProfileAsync("user_id", "u-2", Marketer)).Traits);
    }

    [Fact]
    public async Task Erase_RemovesEveryTraceAndStopsRecollection()
    {
        await SendAsync(Web, """
            {"type":"page","anonymousId":"anon-ann","name":"Home"},
            {"type":"identify","anonymousId":"anon-ann","userId":"u-ann","traits":{"email":"ann@example.com","phone":"+447700900123"}},
            {"type":"track","userId":"u-ann","event":"Order Completed","properties":{"revenue":5,"currency":"GBP"}},
            {"type":"identify","userId":"u-bob","traits":{"email":"bob@example.com"}}
            """);
        await SendAsync(_pos, """{"type":"identify","anonymousId":"app-ann","traits":{"email":"ann@example.com"}}""");
        await ProjectAsync();
        var ann = await ProfileAsync("email", "ann@example.com");

        var exported = await Get<ExportPerson>().HandleAsync(Admin, new PersonRequest(null, "email", "ann@example.com"), Ct);
        Assert.Equal(ann.ProfileId, exported.Value.Profile!.ProfileId);
        Assert.Equal(4, exported.Value.Events.Count);

        var erased = await Get<ErasePerson>().HandleAsync(Admin, new PersonRequest(null, "phone", "07700 900123"), Ct);

        Assert.True(erased.IsSuccess, erased.Error?.Message);
        Assert.Equal((1L, 5L, 4L), (erased.Value.ProfilesErased, erased.Value.IdentifiersErased, erased.Value.EventsErased));
        Assert.Equal(ErrorKind.NotFound, (await Get<ProfileQueries>().FindAsync(Admin, "email", "ann@example.com", Ct)).ShouldFail().Kind);
        var left = (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items;
        Assert.Equal(["u-bob"], left.Select(e => e.UserId));
        Assert.DoesNotContain(left, e => (e.Traits?.GetRawText() ?? "").Contains("ann@", StringComparison.Ordinal));
        Assert.Single((await Get<ErasePerson>().ListAsync(Admin, PageQuery.First, Ct)).Items);

        // The same person's ids arriving again are acknowledged and not stored; Bob is untouched.
        await SendAsync(Web, """
            {"type":"track","userId":"u-ann","event":"Product Viewed"},
            {"type":"identify","anonymousId":"new-cookie","traits":{"email":"Ann@Example.com"}},
            {"type":"track","userId":"u-bob","event":"Product Viewed"}
            """);
        await ProjectAsync();
        Assert.Equal(["u-bob", "u-bob"], (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.UserId));
        Assert.Equal(ErrorKind.NotFound, (await Get<ProfileQueries>().FindAsync(Admin, "user_id", "u-ann", Ct)).ShouldFail().Kind);
        Assert.Equal(2, (await ProfileAsync("email", "bob@example.com")).Aggregates!.Events);
    }

    [Fact]
    public async Task PrivacyAndRules_BadInput_NamesTheField()
    {
        Assert.Equal("rules[0].maxPerProfile",
            (await Get<ManageIdentityRules>().SetAsync(Admin, new IdentityRulesRequest([new IdentityRuleView("email", true, 0, 3)], []), Ct)).ShouldFail().Field);
        Assert.Equal("type", (await Get<ErasePerson>().HandleAsync(Admin, new PersonRequest(null, "shoe_size", "9"), Ct)).ShouldFail().Field);
    }
}

public sealed class ProfilesSqliteTests() : ProfilesTests(DatabaseProvider.Sqlite);

public sealed class ProfilesPostgresTests() : ProfilesTests(DatabaseProvider.Postgres);
