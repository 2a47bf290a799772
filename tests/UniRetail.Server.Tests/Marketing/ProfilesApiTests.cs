using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>Profiles, merges, consent, export and erasure over HTTP, with the server's own background projector.</summary>
public abstract class ProfilesApiTests(ServerFixture server) : ServerTests(server)
{
    private static Task<JsonElement> ProfileAsync(HttpClient client, string type, string value, int events = 1) =>
        client.WaitForProfileAsync(type, value, events);

    private static string Id(JsonElement profile) => profile.GetProperty("profileId").GetString()!;

    private static IEnumerable<string> Identifiers(JsonElement profile) =>
        profile.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("value").GetString()}").Order();

    [Fact]
    public async Task AShopperOnTheWebAndAtTheTillIsOneProfileLinkedToTheMember()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(store, sku, 10);
        var member = await retailer.AddMemberAsync("Ana Silva", "ana@example.com");
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);

        await (await web.SendJsonAsync("/v1/batch", $$$"""
            {"batch":[
              {"type":"page","anonymousId":"cookie-ana","name":"Mugs"},
              {"type":"identify","anonymousId":"cookie-ana","userId":"web-ana","traits":{"email":"Ana@Example.com","member_id":"{{{member.Id}}}","name":"Ana"}}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 2).ForMember(member.Id));

        var profile = await ProfileAsync(retailer.Admin, "member_id", member.Id, events: 3);

        Assert.Equal(["anonymous_id:cookie-ana", "email:ana@example.com", $"member_id:{member.Id}", "user_id:web-ana"], Identifiers(profile));
        Assert.Equal([member.Id], profile.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
        var aggregates = profile.GetProperty("aggregates");
        Assert.Equal((1, 25.00m, store.Id), (aggregates.GetProperty("orders").GetInt32(), aggregates.GetProperty("revenue")[0].GetProperty("amount").GetDecimal(), aggregates.GetProperty("favouriteStore").GetString()));
        Assert.Equal(["commerce", "web"], aggregates.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        var timeline = await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{Id(profile)}/timeline", Ct);
        var first = timeline.GetProperty("items")[0];
        Assert.Equal(("Order Completed", order.Id), (first.GetProperty("event").GetString(), first.GetProperty("properties").GetProperty("order_id").GetString()));
        Assert.Equal(Id(profile), Id(await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{Id(profile)}", Ct)));
        Assert.Equal(4, (await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{Id(profile)}/identities", Ct)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AMergeIsListedAndCanBeUndoneOnce()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        var app = Server.SdkClient((await retailer.AddSourceAsync("app")).WriteKey);
        await (await web.SendJsonAsync("/v1/identify", """{"userId":"u-ben","traits":{"email":"ben@example.com"}}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await app.SendJsonAsync("/v1/screen", """{"anonymousId":"install-1","name":"Home"}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        var appOnly = await ProfileAsync(retailer.Admin, "anonymous_id", "install-1");
        await (await app.SendJsonAsync("/v1/identify", """{"anonymousId":"install-1","traits":{"email":"BEN@example.com"}}""")).ShouldAnswerAsync(HttpStatusCode.OK);

        var ben = await ProfileAsync(retailer.Admin, "anonymous_id", "install-1", events: 3);
        Assert.Equal(Id(await ProfileAsync(retailer.Admin, "user_id", "u-ben")), Id(ben));
        var merge = (await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{Id(ben)}/merges", Ct)).GetProperty("items")[0];
        Assert.Equal(Id(appOnly), merge.GetProperty("mergedProfileId").GetString());

        var undone = await (await retailer.Admin.PostAsync($"/api/marketing/merges/{merge.GetProperty("mergeId").GetString()}/undo", null, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.NotEqual(JsonValueKind.Null, undone.GetProperty("undoneAt").ValueKind);
        Assert.Equal(Id(appOnly), Id(await ProfileAsync(retailer.Admin, "anonymous_id", "install-1")));
        await (await retailer.Admin.PostAsync($"/api/marketing/merges/{merge.GetProperty("mergeId").GetString()}/undo", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "marketing.merge_already_undone", "mergeId");
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        await (await marketer.PostAsync("/api/marketing/merges/mrg_nope/undo", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await retailer.Admin.PostAsync("/api/marketing/merges/mrg_nope/undo", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_merge", "mergeId");
    }

    [Fact]
    public async Task AnUndoneMergeStaysUndoneWhenTheEventThatLinkedThemArrivesAgain()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        var app = Server.SdkClient((await retailer.AddSourceAsync("app")).WriteKey);
        const string linking = """{"anonymousId":"install-7","traits":{"email":"CAL@example.com"}}""";
        await (await web.SendJsonAsync("/v1/identify", """{"userId":"u-cal","traits":{"email":"cal@example.com"}}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await app.SendJsonAsync("/v1/screen", """{"anonymousId":"install-7","name":"Home"}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        var appOnly = Id(await ProfileAsync(retailer.Admin, "anonymous_id", "install-7"));
        await (await app.SendJsonAsync("/v1/identify", linking)).ShouldAnswerAsync(HttpStatusCode.OK);
        var cal = Id(await ProfileAsync(retailer.Admin, "anonymous_id", "install-7", events: 3));
        var mergeId = (await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{cal}/merges", Ct)).GetProperty("items")[0].GetProperty("mergeId").GetString();

        var undone = await (await retailer.Admin.PostAsync($"/api/marketing/merges/{mergeId}/undo", null, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        await (await app.SendJsonAsync("/v1/identify", linking)).ShouldAnswerAsync(HttpStatusCode.OK);

        var pair = new[] { cal, appOnly }.Order(StringComparer.Ordinal);
        Assert.Equal(pair, undone.GetProperty("keptApart").EnumerateArray().Select(p => p.GetString()));
        // The linking event goes to Cal (its e-mail is the stronger identifier) and leaves the app's install id where it is.
        var calAgain = await ProfileAsync(retailer.Admin, "user_id", "u-cal", events: 2);
        Assert.Equal(cal, Id(calAgain));
        Assert.Equal(["email:cal@example.com", "user_id:u-cal"], Identifiers(calAgain));
        var appAgain = await ProfileAsync(retailer.Admin, "anonymous_id", "install-7");
        Assert.Equal((appOnly, 2), (Id(appAgain), appAgain.GetProperty("aggregates").GetProperty("events").GetInt32()));
        Assert.Equal(["anonymous_id:install-7"], Identifiers(appAgain));
        var merges = await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{cal}/merges", Ct);
        Assert.Equal(pair, Assert.Single(merges.GetProperty("items").EnumerateArray()).GetProperty("keptApart").EnumerateArray().Select(p => p.GetString()));
        await (await retailer.Admin.PostAsync($"/api/marketing/merges/{mergeId}/undo", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "marketing.merge_already_undone", "mergeId");
    }

    [Fact]
    public async Task ConsentDecidesWhatAMarketerSeesAndWhoIsInTheMarketingAudience()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        await (await web.SendJsonAsync("/v1/identify", """{"userId":"u-cat","traits":{"name":"Cat"},"context":{"consent":{"categoryPreferences":{"analytics":false}}}}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        var cat = await ProfileAsync(retailer.Admin, "user_id", "u-cat");

        var seen = await ProfileAsync(marketer, "user_id", "u-cat");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("aggregates").ValueKind);
        Assert.Equal(["aggregates", "timeline"], seen.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.Empty((await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/audiences/consented?purpose=marketing", Ct)).GetProperty("items").EnumerateArray());

        var consent = await (await retailer.Admin.PutAsJsonAsync($"/api/marketing/profiles/{Id(cat)}/consent", new { purposes = new { marketing = true } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Contains(consent.EnumerateArray(), c => c.GetProperty("purpose").GetString() == "marketing" && c.GetProperty("granted").GetBoolean());
        Assert.Equal([Id(cat)], (await marketer.GetFromJsonAsync<JsonElement>("/api/marketing/audiences/consented?purpose=marketing", Ct)).GetProperty("items").EnumerateArray().Select(p => p.GetString()));
        await (await retailer.Admin.PutAsJsonAsync($"/api/marketing/profiles/{Id(cat)}/consent", new { purposes = new { spam = true } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_purpose", "purposes.spam");
        await (await marketer.PutAsJsonAsync($"/api/marketing/profiles/{Id(cat)}/consent", new { purposes = new { marketing = false } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await retailer.Admin.PutAsJsonAsync("/api/marketing/profiles/prof_nope/consent", new { purposes = new { marketing = false } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_profile");
    }

    [Fact]
    public async Task AnExportHoldsEverythingAndAnErasureLeavesNothingBehind()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        await (await web.SendJsonAsync("/v1/batch", """
            {"batch":[
              {"type":"page","anonymousId":"cookie-dan","name":"Home"},
              {"type":"identify","anonymousId":"cookie-dan","userId":"u-dan","traits":{"email":"dan@example.com","phone":"+44 7700 900456"}},
              {"type":"track","userId":"u-dan","event":"Order Completed","properties":{"revenue":9.99,"currency":"GBP"}},
              {"type":"identify","userId":"u-eve","traits":{"email":"eve@example.com"}}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        await ProfileAsync(retailer.Admin, "email", "dan@example.com", events: 3);
        await ProfileAsync(retailer.Admin, "email", "eve@example.com");

        var export = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/exports", new { type = "phone", value = "07700 900456" }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(3, export.GetProperty("events").GetArrayLength());
        Assert.Contains("email:dan@example.com", Identifiers(export.GetProperty("profile")));

        var erasure = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/erasures", new { type = "email", value = "DAN@example.com" }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal((1, 4, 3), (erasure.GetProperty("profilesErased").GetInt32(), erasure.GetProperty("identifiersErased").GetInt32(), erasure.GetProperty("eventsErased").GetInt32()));
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=user_id&value=u-dan", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_profile");
        var left = await retailer.EventsAsync();
        Assert.Equal(["u-eve"], left.Select(e => e.UserId));
        var log = await retailer.Admin.GetStringAsync("/api/marketing/erasures", Ct);
        Assert.DoesNotContain("dan", log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(erasure.GetProperty("erasureId").GetString()!, log, StringComparison.Ordinal);

        await (await web.SendJsonAsync("/v1/track", """{"userId":"u-dan","event":"Product Viewed"}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        Assert.Equal(["u-eve"], (await retailer.EventsAsync()).Select(e => e.UserId));
    }

    [Fact]
    public async Task ErasingAMembersProfileForgetsTheMemberAndKeepsTheOrder()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(store, sku, 5);
        var member = await retailer.AddMemberAsync("Fay Wong", "fay@example.com");
        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 1).ForMember(member.Id));
        await ProfileAsync(retailer.Admin, "member_id", member.Id);

        var erasure = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/erasures", new { type = "member_id", value = member.Id }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        // The member's registration and the order: both events name the member.
        Assert.Equal((1, 2), (erasure.GetProperty("membersErased").GetInt32(), erasure.GetProperty("eventsErased").GetInt32()));
        var forgotten = await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/members/{member.Id}", Ct);
        Assert.Equal(("erased", JsonValueKind.Null, 0), (forgotten.GetProperty("status").GetString(), forgotten.GetProperty("displayName").ValueKind, forgotten.GetProperty("identifiers").GetArrayLength()));
        await (await retailer.Admin.GetAsync("/api/members/lookup?kind=email&value=fay%40example.com", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var kept = await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/orders/{order.Id}", Ct);
        Assert.Equal(member.Id, kept.GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task BadLookupsAndPrivacyCallsAreProblemDetails()
    {
        var retailer = await NewRetailerAsync();
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);

        await (await retailer.Admin.GetAsync("/api/marketing/profiles", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_lookup", "type");
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=shoe_size&value=9", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identifier_type", "type");
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=email&value=not-an-email", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identifier", "value");
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=email&value=nobody%40example.com", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_profile");
        await (await retailer.Admin.GetAsync("/api/marketing/profiles/prof_nope/timeline?cursor=yesterday", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_cursor", "cursor");
        await (await marketer.PostAsJsonAsync("/api/marketing/erasures", new { type = "email", value = "a@example.com" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await marketer.PostAsJsonAsync("/api/marketing/exports", new { type = "email", value = "a@example.com" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await retailer.Admin.PostAsJsonAsync("/api/marketing/erasures", new { profileId = "prof_nope" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_profile");
        await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { rules = new[] { new { type = "email", mayMerge = true, maxPerProfile = 0, priority = 3 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identity_rule", "rules[0].maxPerProfile");
        var rules = await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { rules = new[] { new { type = "device_id", mayMerge = false, maxPerProfile = 2, priority = 7 } }, blockedValues = new[] { "till-tablet" } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Contains(rules.GetProperty("rules").EnumerateArray(), r => r.GetProperty("type").GetString() == "device_id" && !r.GetProperty("mayMerge").GetBoolean());
        Assert.Equal(["till-tablet"], (await marketer.GetFromJsonAsync<JsonElement>("/api/marketing/identity-rules", Ct)).GetProperty("blockedValues").EnumerateArray().Select(v => v.GetString()));
    }

    /// <summary>
    /// After blocking a value the old rules joined through, a re-stitch over HTTP splits the two people; a small tenant's
    /// re-stitch is finished by the answer, and the profile that keeps most of its identifiers keeps its id.
    /// </summary>
    [Fact]
    public async Task ARestitchRebuildsProfilesWithTheCurrentRules()
    {
        var retailer = await NewRetailerAsync();
        var web = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        await (await web.SendJsonAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"u-ann","anonymousId":"laptop-1","traits":{"email":"family@camden.example"}},
              {"type":"identify","anonymousId":"tablet-2","traits":{"email":"family@camden.example"}}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        var before = await ProfileAsync(retailer.Admin, "anonymous_id", "tablet-2", events: 2);
        await (await retailer.Admin.GetAsync("/api/marketing/restitch", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.no_restitch");
        await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { blockedValues = new[] { "family@camden.example" } }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var job = await (await retailer.Admin.PostAsync("/api/marketing/restitch", null, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(("finished", 2, 1, 2), (job.GetProperty("state").GetString(), job.GetProperty("eventsReplayed").GetInt32(),
            job.GetProperty("profilesBefore").GetInt32(), job.GetProperty("profilesAfter").GetInt32()));
        var ann = await ProfileAsync(retailer.Admin, "user_id", "u-ann");
        var tablet = await ProfileAsync(retailer.Admin, "anonymous_id", "tablet-2");
        Assert.Equal(Id(before), Id(ann));
        Assert.NotEqual(Id(ann), Id(tablet));
        Assert.Equal(job.GetProperty("jobId").GetString(), (await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/restitch", Ct)).GetProperty("jobId").GetString());
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        await (await marketer.PostAsync("/api/marketing/restitch", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
    }
}

public sealed class ProfilesApiSqliteTests(SqliteServer server) : ProfilesApiTests(server), IClassFixture<SqliteServer>;

public sealed class ProfilesApiPostgresTests(PostgresServer server) : ProfilesApiTests(server), IClassFixture<PostgresServer>;
