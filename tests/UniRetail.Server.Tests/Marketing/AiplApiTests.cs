using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>Consumer assets over HTTP with the server's own background projector: counts, a person's stages, and bad input as problem details.</summary>
public abstract class AiplApiTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task AShoppersViewCountsAsAware_AndBadInputIsAProblemNamingTheField()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        await (await web.SendJsonAsync("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"u-ana","event":"Product Viewed","properties":{"category":"Garden"},"timestamp":"2026-11-10T10:00:00Z"},
              {"type":"track","userId":"u-bo","event":"Order Completed","properties":{"revenue":12.5,"currency":"GBP","products":[{"sku":"MUG","category":"Kitchen","price":12.5}]},"timestamp":"2026-11-11T10:00:00Z"}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);

        var counts = await WaitForAsync(marketer, "/api/marketing/aipl?date=2026-11-12", c => c.GetProperty("total").GetInt32() == 2);
        Assert.Equal([1, 0, 1, 0], counts.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("people").GetInt32()));
        var garden = await marketer.GetFromJsonAsync<JsonElement>("/api/marketing/aipl?date=2026-11-25&category=Garden", Ct);
        Assert.Equal(1, garden.GetProperty("stages")[0].GetProperty("people").GetInt32());
        var later = await marketer.GetFromJsonAsync<JsonElement>("/api/marketing/aipl?date=2026-11-26&category=Garden", Ct);
        Assert.Equal(0, later.GetProperty("total").GetInt32());
        var bo = await retailer.Admin.WaitForProfileAsync("user_id", "u-bo");
        var stages = await marketer.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{bo.GetProperty("profileId").GetString()}/aipl?date=2026-11-12", Ct);
        Assert.Equal(["brand:purchased", "Kitchen:purchased"],
            stages.GetProperty("categories").EnumerateArray().Select(c => $"{c.GetProperty("category").GetString()}:{c.GetProperty("stage").GetString()}"));

        await (await marketer.GetAsync("/api/marketing/aipl?category=Toys", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_category", "category");
        await (await marketer.GetAsync("/api/marketing/aipl?date=2026-13-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_date", "date");
        await (await marketer.GetAsync("/api/marketing/aipl/flow?from=2026-11-20&to=2026-11-10", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_period", "to");
        await (await marketer.PutAsJsonAsync("/api/marketing/aipl/rules", new { aware = new { events = new[] { "page" }, days = 15 } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_aipl_rules", "interested");
        await (await marketer.GetAsync("/api/marketing/forecast/gmv?months=2", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_months", "months");
        await (await marketer.GetAsync("/api/marketing/forecast/gmv?months=6", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.not_enough_history", "months");
        await (await marketer.GetAsync("/api/marketing/forecast/backtest?trainUntil=2999-01-31&months=3", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.train_until_not_past", "trainUntil");
        await (await marketer.PostAsJsonAsync("/api/marketing/forecast/gmv/target", new { gmv = -5 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_target", "gmv");
        // Nothing was written behind the refused rules.
        var rules = await marketer.GetFromJsonAsync<JsonElement>("/api/marketing/aipl/rules", Ct);
        Assert.True(rules.GetProperty("defaults").GetBoolean());
    }

    [Fact]
    public async Task NewWindowsPutThroughTheApi_ApplyAtOnceToTheCountsOfEveryDay()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        await (await web.SendJsonAsync("/v1/batch", """
            {"batch":[{"type":"track","userId":"u-cy","event":"Product Viewed","properties":{"category":"Garden"},"timestamp":"2026-11-10T10:00:00Z"}]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        await WaitForAsync(retailer.Admin, "/api/marketing/aipl?date=2026-11-10", c => c.GetProperty("total").GetInt32() == 1);
        async Task<int> GardenOnAsync(string date) =>
            (await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/aipl?date={date}&category=Garden", Ct)).GetProperty("total").GetInt32();
        // A view counts on its day and 15 days after it by default: the 26th is past it.
        Assert.Equal((1, 0), (await GardenOnAsync("2026-11-25"), await GardenOnAsync("2026-11-26")));

        var rules = JsonNode.Parse((await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/aipl/rules", Ct)).GetProperty("rules").GetRawText())!;
        rules["aware"]!["days"] = 30;
        var saved = await (await retailer.Admin.PutAsJsonAsync("/api/marketing/aipl/rules", rules, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(30, saved.GetProperty("rules").GetProperty("aware").GetProperty("days").GetInt32());

        // The same stored day rows, read with the new window: the view now lasts until 10 December, for every date asked.
        Assert.Equal((1, 1, 0), (await GardenOnAsync("2026-11-26"), await GardenOnAsync("2026-12-10"), await GardenOnAsync("2026-12-11")));
        var flow = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/aipl/flow?from=2026-12-10&to=2026-12-11", Ct);
        Assert.Equal(1, flow.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("from").GetString() == "aware").GetProperty("to").GetProperty("lost").GetInt32());
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = await client.GetFromJsonAsync<JsonElement>(path, Ct);
            if (done(body) || DateTime.UtcNow > deadline)
                return body;
            await Task.Delay(100, Ct);
        }
    }
}

public sealed class AiplApiSqliteTests(SqliteServer server) : AiplApiTests(server), IClassFixture<SqliteServer>;

public sealed class AiplApiPostgresTests(PostgresServer server) : AiplApiTests(server), IClassFixture<PostgresServer>;
