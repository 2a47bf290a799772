using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>Erasure over HTTP: exactly the person, however their identifiers are written, and nobody else.</summary>
public abstract class ErasureApiTests(ServerFixture server) : ServerTests(server)
{
    private static IEnumerable<string?> Seqs(JsonElement timeline) => timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("messageId").GetString());

    [Fact]
    public async Task ErasingNAtExampleDotComLeavesAnnAtExampleDotComsEventsProfileAndTimelineUntouched()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        await (await web.SendJsonAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"u-n","traits":{"email":"n@example.com"}},
              {"type":"track","userId":"u-n","event":"Product Viewed"},
              {"type":"identify","userId":"u-ann","traits":{"email":"ann@example.com","name":"Ann"}},
              {"type":"track","userId":"u-ann","event":"Product Viewed"},
              {"type":"track","anonymousId":"cookie-ann","event":"Cart Viewed","context":{"traits":{"email":"ANN@example.com"}}},
              {"type":"identify","userId":"u-jon","traits":{"note":"n@example.com was my old address"}}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        var ann = await retailer.Admin.WaitForProfileAsync("email", "ann@example.com", events: 3);
        await retailer.Admin.WaitForProfileAsync("email", "n@example.com", events: 2);
        await retailer.Admin.WaitForProfileAsync("user_id", "u-jon");
        var annId = ann.GetProperty("profileId").GetString();
        var timeline = await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{annId}/timeline", Ct);

        var erasure = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/erasures", new { type = "email", value = "n@example.com" }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal((1, 2), (erasure.GetProperty("profilesErased").GetInt32(), erasure.GetProperty("eventsErased").GetInt32()));
        Assert.Equal(["u-ann", "u-ann", null, "u-jon"], (await retailer.EventsAsync()).Select(e => e.UserId));
        var annAfter = await retailer.Admin.WaitForProfileAsync("email", "ann@example.com", events: 3);
        Assert.Equal(annId, annAfter.GetProperty("profileId").GetString());
        Assert.Equal(ann.GetProperty("identifiers").GetRawText(), annAfter.GetProperty("identifiers").GetRawText());
        Assert.Equal(3, annAfter.GetProperty("aggregates").GetProperty("events").GetInt32());
        Assert.Equal(Seqs(timeline), Seqs(await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{annId}/timeline", Ct)));
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=email&value=n%40example.com", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_profile");
    }
}

public sealed class ErasureApiSqliteTests(SqliteServer server) : ErasureApiTests(server), IClassFixture<SqliteServer>;

public sealed class ErasureApiPostgresTests(PostgresServer server) : ErasureApiTests(server), IClassFixture<PostgresServer>;
