using UniRetail.Data;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Sources;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>
/// AIPL kept by the projector, from hand-written people sent through the event API: Ann only looks (Garden), Bob adds to
/// his basket (Kitchen) and looks again later, Cy buys in January (Kitchen) and June (Garden), Dee refused analytics, Eve
/// browses anonymously, buys as a user, and is then recognised as one person.
/// </summary>
public abstract class AiplTests(DatabaseProvider provider) : DataBankTest(provider)
{
    private const string FirstHalf = """
        {"type":"track","userId":"ann","event":"Product Viewed","properties":{"category":"Garden"},"timestamp":"2026-01-01T09:00:00Z","messageId":"ann-1"},
        {"type":"track","userId":"bob","event":"Product Added","properties":{"category":"Kitchen"},"timestamp":"2026-01-01T10:00:00Z","messageId":"bob-1"},
        {"type":"track","userId":"cy","event":"Order Completed","properties":{"revenue":20,"currency":"GBP","products":[{"sku":"K1","category":"Kitchen","price":10,"quantity":2}]},"timestamp":"2026-01-05T10:00:00Z","messageId":"cy-1"},
        {"type":"track","userId":"dee","event":"Product Viewed","context":{"consent":{"categoryPreferences":{"analytics":false}}},"timestamp":"2026-01-08T10:00:00Z","messageId":"dee-1"},
        {"type":"track","anonymousId":"anon-eve","event":"Product Viewed","timestamp":"2026-01-09T10:00:00Z","messageId":"eve-1"},
        {"type":"track","userId":"eve","event":"Order Completed","properties":{"revenue":5,"currency":"GBP"},"timestamp":"2026-01-09T11:00:00Z","messageId":"eve-2"}
        """;

    private const string SecondHalf = """
        {"type":"identify","userId":"eve","anonymousId":"anon-eve","timestamp":"2026-01-09T12:00:00Z","messageId":"eve-3"},
        {"type":"track","userId":"bob","event":"Product Viewed","timestamp":"2026-01-10T10:00:00Z","messageId":"bob-2"},
        {"type":"track","userId":"cy","event":"Order Completed","properties":{"revenue":30,"currency":"GBP","products":[{"sku":"G1","category":"Garden","price":30,"quantity":1}]},"timestamp":"2026-06-01T10:00:00Z","messageId":"cy-2"},
        {"type":"track","userId":"cy","event":"Product Viewed","properties":{"category":"Garden"},"timestamp":"2026-06-01T11:00:00Z","messageId":"cy-3"}
        """;

    private Task<long> ProjectAsync() => Get<ProfileProjector>().CatchUpAsync(Ct);

    private async Task<AiplCountsView> CountsAsync(string date, string? category = null, Caller? caller = null)
    {
        var counts = await Get<AiplQueries>().CountsAsync(caller ?? Admin, category, date, Ct);
        Assert.True(counts.IsSuccess, counts.Error?.Message);
        return counts.Value;
    }

    /// <summary>aware/interested/purchased/loyal as one string, then the people left out for refusing analytics.</summary>
    private async Task<string> StagesAsync(string date, string? category = null, Caller? caller = null)
    {
        var counts = await CountsAsync(date, category, caller);
        return string.Join("/", counts.Stages.Select(s => s.People)) + $" -{counts.LeftOut}";
    }

    private async Task SendAllAsync()
    {
        await SendAsync(Web, FirstHalf);
        await ProjectAsync();
        await SendAsync(Web, SecondHalf);
        await ProjectAsync();
    }

    [Fact]
    public async Task Aipl_HandWrittenPeopleOverTime_MoveByEventsAndByTimeAlone()
    {
        await SendAllAsync();

        // 10 Jan: Ann aware, Bob interested (his view of that day does not lower him), Cy and Eve purchased; Dee left out.
        Assert.Equal("1/1/2/0 -1", await StagesAsync("2026-01-10"));
        // 16 Jan is the fifteenth day after Ann's and Bob's first events: both still count.
        Assert.Equal("1/1/2/0 -1", await StagesAsync("2026-01-16"));
        // 17 Jan: time alone drops Ann out and Bob back to aware (from his view of the 10th).
        Assert.Equal("1/0/2/0 -1", await StagesAsync("2026-01-17"));
        // 1 Jun: Cy bought on a second day within 365 days (loyal to the brand), and only purchased in Kitchen and in Garden.
        Assert.Equal("0/0/1/1 -0", await StagesAsync("2026-06-01"));
        Assert.Equal("0/0/1/0 -0", await StagesAsync("2026-06-01", "Kitchen"));
        Assert.Equal("0/0/1/0 -0", await StagesAsync("2026-06-01", "Garden"));
        Assert.Equal("1/0/0/0 -0", await StagesAsync("2026-01-10", "Garden"));
        Assert.Equal("0/1/1/0 -0", await StagesAsync("2026-01-10", "Kitchen"));
        // The 365-day loyalty: 5 Jan 2027 is 365 days after the first purchase, the 6th is one more.
        Assert.Equal("0/0/1/1 -0", await StagesAsync("2027-01-05"));
        Assert.Equal("0/0/2/0 -0", await StagesAsync("2027-01-06"));
        // Purchased lasts 913 days (2.5 years) from the last purchase: Cy's of 1 Jun 2026 until 30 Nov 2028.
        Assert.Equal("0/0/1/0 -0", await StagesAsync("2028-11-30"));
        Assert.Equal("0/0/0/0 -0", await StagesAsync("2028-12-01"));
        Assert.Equal("0/0/0/0 -0", await StagesAsync("2025-12-31"));
    }

    [Fact]
    public async Task Aipl_Profile_ShowsTheStagePerCategoryWithTheEventsThatPutThemThere()
    {
        await SendAllAsync();
        var cy = await Get<ProfileQueries>().FindAsync(Admin, "user_id", "cy", Ct);

        var view = await Get<AiplQueries>().PersonAsync(Admin, cy.Value.ProfileId, "2026-06-01", Ct);

        Assert.True(view.IsSuccess, view.Error?.Message);
        Assert.Equal(["brand:loyal", "Garden:purchased", "Kitchen:purchased"], view.Value.Categories.Select(c => $"{c.Category}:{c.Stage}"));
        Assert.Equal(["cy-2", "cy-1"], view.Value.Categories[0].Because.Select(b => b.MessageId));
        Assert.Equal(["exposure", "purchase"], view.Value.Categories[1].Because.Single().Kinds);
        Assert.Equal("cy-2", view.Value.Categories[1].Because.Single().MessageId);
    }

    [Fact]
    public async Task Aipl_Eve_RecognisedAsOnePerson_IsCountedOnce()
    {
        await SendAllAsync();

        var eve = await Get<ProfileQueries>().FindAsync(Admin, "anonymous_id", "anon-eve", Ct);
        Assert.Equal(eve.Value.ProfileId, (await Get<ProfileQueries>().FindAsync(Admin, "user_id", "eve", Ct)).Value.ProfileId);
        var view = await Get<AiplQueries>().PersonAsync(Admin, eve.Value.ProfileId, "2026-01-10", Ct);
        Assert.Equal("purchased", view.Value.Categories.Single().Stage);
        Assert.Equal(4, (await CountsAsync("2026-01-09")).Total);
    }

    [Fact]
    public async Task Aipl_ProjectedInOneGoOrInTwoBatches_GivesTheSameFigures()
    {
        await SendAllAsync();
        var other = await Get<CreateTenant>().HandleAsync("Other Goods", "GBP", Ct);
        var otherAdmin = Caller.AdminOf(other.Value.TenantId);
        var otherWeb = (await Get<ManageSources>().CreateAsync(otherAdmin, new CreateSourceRequest("web", null, null), Ct)).Value.WriteKey;
        await SendAsync(otherWeb, FirstHalf + "," + SecondHalf);
        await ProjectAsync();

        foreach (var date in new[] { "2026-01-09", "2026-01-10", "2026-01-17", "2026-06-01", "2027-01-06" })
        {
            foreach (var category in new[] { "brand", "Kitchen", "Garden" })
                Assert.Equal(await StagesAsync(date, category), await StagesAsync(date, category, otherAdmin));
        }
    }

    [Fact]
    public async Task Flow_RowsAddUpToTheFirstDayAndColumnsToTheSecond()
    {
        await SendAllAsync();

        foreach (var (from, to) in new[] { ("2026-01-10", "2026-01-17"), ("2026-01-05", "2026-06-01"), ("2026-01-01", "2027-01-06"), ("2026-01-10", "2026-01-10") })
        {
            var flow = await Get<AiplQueries>().FlowAsync(Admin, from, to, null, Ct);
            Assert.True(flow.IsSuccess, flow.Error?.Message);
            var first = await CountsAsync(from);
            var second = await CountsAsync(to);
            foreach (var stage in first.Stages)
            {
                Assert.Equal(stage.People, flow.Value.Rows.Single(r => r.From == stage.Stage).Total);
                Assert.Equal(second.Stages.Single(s => s.Stage == stage.Stage).People, flow.Value.ColumnTotals[stage.Stage]);
            }
        }
        var week = (await Get<AiplQueries>().FlowAsync(Admin, "2026-01-10", "2026-01-17", null, Ct)).Value;
        Assert.Equal(1, week.Rows.Single(r => r.From == "aware").To["lost"]);
        Assert.Equal(1, week.Rows.Single(r => r.From == "interested").To["aware"]);
        Assert.Equal(2, week.Rows.Single(r => r.From == "purchased").To["purchased"]);
        Assert.Equal(1, week.LeftOut);
    }

    [Fact]
    public async Task Erasure_RemovesThePersonFromEveryFigure()
    {
        await SendAllAsync();

        var erased = await Get<ErasePerson>().HandleAsync(Admin, new PersonRequest(null, "user_id", "cy"), Ct);

        Assert.True(erased.IsSuccess, erased.Error?.Message);
        Assert.Equal("1/1/1/0 -1", await StagesAsync("2026-01-10"));
        Assert.Equal("0/0/0/0 -0", await StagesAsync("2026-06-01", "Kitchen"));
    }

    [Fact]
    public async Task Snapshot_KeepsTheDaysCountsPerCategory()
    {
        await SendAllAsync();

        var taken = await Get<AiplQueries>().SnapshotAsync(Admin, "2026-01-10", Ct);
        var history = await Get<AiplQueries>().HistoryAsync(Admin, "Kitchen", "2026-01-01", "2026-01-31", Ct);

        Assert.True(taken.IsSuccess, taken.Error?.Message);
        Assert.Equal(["Garden", "Kitchen", "brand"], taken.Value.Select(v => v.Category).Order(StringComparer.Ordinal));
        var kitchen = Assert.Single(history.Value);
        Assert.Equal((new DateOnly(2026, 1, 10), 2L), (kitchen.Date, kitchen.Total));
    }

    [Fact]
    public async Task Rules_WindowsApplyToEveryFigure_AndARuleSetMissingAStageIsRefused()
    {
        await SendAllAsync();
        var manage = Get<ManageAiplRules>();
        var rules = (await manage.GetAsync(Admin, Ct)).Value;
        Assert.True(rules.Defaults);

        var missing = await manage.SetAsync(Admin, rules.Rules with { Interested = null }, Ct);
        var empty = await manage.SetAsync(Admin, rules.Rules with { Aware = new StageRuleRequest([], 15) }, Ct);
        var twice = await manage.SetAsync(Admin, rules.Rules with { Purchased = new StageRuleRequest(["Order Completed", "Product Viewed"], 913) }, Ct);
        var longer = await manage.SetAsync(Admin, rules.Rules with { Aware = rules.Rules.Aware! with { Days = 30 } }, Ct);

        Assert.Equal(("marketing.bad_aipl_rules", "interested"), (missing.Error!.Code, missing.Error.Field));
        Assert.Equal("aware.events", empty.Error!.Field);
        Assert.Equal("purchased.events[1]", twice.Error!.Field);
        Assert.True(longer.IsSuccess, longer.Error?.Message);
        // Ann's view of 1 Jan now lasts 30 days.
        Assert.Equal("2/0/2/0 -1", await StagesAsync("2026-01-17"));
        Assert.False((await manage.GetAsync(Admin, Ct)).Value.Defaults);
    }

    private static string Order(string user, string date, string category, decimal price, string id) =>
        $$$"""{"type":"track","userId":"{{{user}}}","event":"Order Completed","messageId":"{{{id}}}","timestamp":"{{{date}}}T10:00:00Z","properties":{"revenue":{{{price}}},"currency":"GBP","products":[{"sku":"X-{{{id}}}","category":"{{{category}}}","price":{{{price}}},"quantity":1}]}}""";

    /// <summary>g1 buys Kitchen in both months, g2 only in January, g3 Garden in January then Kitchen, g4 Kitchen only in February.</summary>
    private Task<int> SendTwoMonthsAsync() => SendAsync(Web, string.Join(",",
        Order("g1", "2026-01-10", "Kitchen", 10, "g1-jan"), Order("g1", "2026-02-10", "Kitchen", 15, "g1-feb"),
        Order("g2", "2026-01-10", "Kitchen", 8, "g2-jan"),
        Order("g3", "2026-01-10", "Garden", 30, "g3-jan"), Order("g3", "2026-02-10", "Kitchen", 12, "g3-feb"),
        Order("g4", "2026-02-11", "Kitchen", 7, "g4-feb")));

    [Fact]
    public async Task Grow_SplitsTheGmvChangeIntoPartsThatAddUpExactly()
    {
        await SendTwoMonthsAsync();
        await ProjectAsync();

        var grow = await Get<FastAndGrow>().GrowAsync(Admin, "2026-02-01", "2026-02-28", "Kitchen", Ct);

        Assert.True(grow.IsSuccess, grow.Error?.Message);
        var g = grow.Value;
        Assert.Equal((new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 31)), (g.PreviousFrom, g.PreviousTo));
        Assert.Equal((18m, 34m, 16m), (g.PreviousGmv, g.Gmv, g.Change));
        Assert.Equal([("gain", 7m, 1L), ("retain", -8m, 1L), ("boost", 5m, 1L), ("widen", 12m, 1L)], g.Parts.Select(p => (p.Part, p.Gmv, p.Buyers)));
        Assert.Equal(g.Change, g.Parts.Sum(p => p.Gmv));
        var brand = (await Get<FastAndGrow>().GrowAsync(Admin, "2026-02-01", "2026-02-28", null, Ct)).Value;
        Assert.Equal(brand.Change, brand.Parts.Sum(p => p.Gmv));
    }

    [Fact]
    public async Task Fast_GivesEachFigureWithItsDefinition()
    {
        await SendTwoMonthsAsync();
        await ProjectAsync();

        var fast = await Get<FastAndGrow>().FastAsync(Admin, "2026-02-01", "2026-02-28", null, null, null, Ct);

        Assert.True(fast.IsSuccess, fast.Error?.Message);
        var f = fast.Value;
        decimal Figure(IReadOnlyList<FastFigure> figures, string name) => figures.Single(x => x.Name == name).Value;
        Assert.Equal((4m, 1m, 0.3333m), (Figure(f.Fertility, "total"), Figure(f.Fertility, "growth"), Figure(f.Fertility, "growthRate")));
        Assert.Equal((0.6667m, 1m), (Figure(f.Advancing, "purchasedToLoyal"), Figure(f.Advancing, "newInStage")));
        Assert.Equal((1m, 0.5122m), (Figure(f.Superiority, "highValuePeople"), Figure(f.Superiority, "highValueShareOfGmv")));
        Assert.Equal(0.75m, Figure(f.Thriving, "activeShare"));
        Assert.All(f.Fertility.Concat(f.Advancing).Concat(f.Superiority).Concat(f.Thriving), x => Assert.False(string.IsNullOrWhiteSpace(x.Definition)));
        var backwards = await Get<FastAndGrow>().FastAsync(Admin, "2026-02-28", "2026-02-01", null, null, null, Ct);
        Assert.Equal(("marketing.bad_period", "to"), (backwards.Error!.Code, backwards.Error.Field));
    }

    [Fact]
    public async Task Fast_SuperiorityByTier_CountsTheTiersMembersAndTheirShareOfSpend()
    {
        await SendTwoMonthsAsync();
        await SendAsync(Web, """
            {"type":"identify","userId":"g1","traits":{"tier":"Gold"},"timestamp":"2026-02-12T10:00:00Z","messageId":"g1-tier"},
            {"type":"identify","userId":"g3","traits":{"tier":"silver"},"timestamp":"2026-02-12T10:00:00Z","messageId":"g3-tier"},
            {"type":"identify","userId":"g4","traits":{"tier":7},"timestamp":"2026-02-12T10:00:00Z","messageId":"g4-tier"}
            """);
        await ProjectAsync();
        var fast = Get<FastAndGrow>();

        async Task<(decimal People, decimal ShareOfGmv, string Definition)> SuperiorityAsync(string tiers)
        {
            var result = await fast.FastAsync(Admin, "2026-02-01", "2026-02-28", null, null, tiers, Ct);
            Assert.True(result.IsSuccess, result.Error?.Message);
            var figures = result.Value.Superiority.ToDictionary(f => f.Name);
            return (figures["highValuePeople"].Value, figures["highValueShareOfGmv"].Value, figures["highValuePeople"].Definition);
        }

        // 365-day spend: g1 25, g2 8, g3 42, g4 7 (82 in all); tier names compare without case, a number is no tier.
        var gold = await SuperiorityAsync("gold");
        Assert.Equal((1m, 0.3049m), (gold.People, gold.ShareOfGmv));
        Assert.Contains("gold", gold.Definition, StringComparison.Ordinal);
        Assert.Equal((2m, 0.8171m), ((await SuperiorityAsync("gold, SILVER")).People, (await SuperiorityAsync("gold, SILVER")).ShareOfGmv));
        Assert.Equal((0m, 0m), ((await SuperiorityAsync("7")).People, (await SuperiorityAsync("7")).ShareOfGmv));

        var both = await fast.FastAsync(Admin, "2026-02-01", "2026-02-28", null, 0.5m, "gold", Ct);
        var none = await fast.FastAsync(Admin, "2026-02-01", "2026-02-28", null, null, " , ", Ct);
        Assert.Equal(("marketing.bad_target", "tiers"), (both.Error!.Code, both.Error.Field));
        Assert.Equal(("marketing.bad_target", "tiers"), (none.Error!.Code, none.Error.Field));
    }

    [Fact]
    public async Task BadInput_IsAProblemNamingTheField()
    {
        await SendAllAsync();
        var queries = Get<AiplQueries>();

        var unknown = await queries.CountsAsync(Admin, "Toys", "2026-01-10", Ct);
        var badDate = await queries.CountsAsync(Admin, null, "10/01/2026", Ct);
        var backwards = await queries.FlowAsync(Admin, "2026-01-17", "2026-01-10", null, Ct);
        var unknownProfile = await queries.PersonAsync(Admin, "prof_nobody", null, Ct);

        Assert.Equal(("marketing.unknown_category", "category"), (unknown.Error!.Code, unknown.Error.Field));
        Assert.Equal(("marketing.bad_date", "date"), (badDate.Error!.Code, badDate.Error.Field));
        Assert.Equal(("marketing.bad_period", "to"), (backwards.Error!.Code, backwards.Error.Field));
        Assert.Equal("marketing.unknown_profile", unknownProfile.Error!.Code);
    }
}

public sealed class AiplSqliteTests() : AiplTests(DatabaseProvider.Sqlite);

public sealed class AiplPostgresTests() : AiplTests(DatabaseProvider.Postgres);
