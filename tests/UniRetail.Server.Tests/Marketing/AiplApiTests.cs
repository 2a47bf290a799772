using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
