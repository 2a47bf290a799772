using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>
/// The seven defects of issue 13, each reproduced with a handful of events through the event API in a fresh tenant, and
/// read back through the profile API. Each test waits for the last event it sent, so what it asserts is projected.
/// </summary>
public abstract class IdentityResolutionTests(ServerFixture server) : ServerTests(server)
{
    private sealed record Sources(HttpClient Web, HttpClient Till, HttpClient Kiosk);

    private async Task<(Retailer Retailer, Sources Sources)> ShopAsync()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        return (retailer, new Sources(
            Server.SdkClient((await retailer.AddSourceAsync()).WriteKey),
            Server.SdkClient((await retailer.AddSourceAsync("pos", store.Id)).WriteKey),
            Server.SdkClient((await retailer.AddSourceAsync("store", store.Id)).WriteKey)));
    }

    private static async Task SendAsync(HttpClient source, params string[] messages) =>
        await (await source.SendJsonAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", messages)}}]}""")).ShouldAnswerAsync(HttpStatusCode.OK);

    /// <summary>A till sale whose person is described in <c>context.traits</c>, as tills send them.</summary>
    private static string Sale(string till, params (string Name, string Value)[] traits) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "track", ["event"] = "Order Completed", ["anonymousId"] = till,
            ["properties"] = new { revenue = 10, currency = "GBP" },
            ["context"] = new { traits = traits.ToDictionary(t => t.Name, t => t.Value) },
        });

    private static async Task<string> IdAsync(Retailer retailer, string type, string value, int events = 1) =>
        Id(await retailer.Admin.WaitForProfileAsync(type, value, events));

    private static string Id(JsonElement profile) => profile.GetProperty("profileId").GetString()!;

    private static List<string> Identifiers(JsonElement profile) =>
        profile.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("value").GetString()}").Order().ToList();

    private static JsonElement IdentifierOf(JsonElement profile, string type, string value) =>
        profile.GetProperty("identifiers").EnumerateArray().Single(i => i.GetProperty("type").GetString() == type && i.GetProperty("value").GetString() == value);

    [Fact]
    public async Task Case1_AnIdentifierSeveralPeopleShareJoinsAndMergesNothing()
    {
        var (retailer, sources) = await ShopAsync();
        // Two till sales, two cards, one family e-mail.
        await SendAsync(sources.Till, Sale("till-1", ("loyalty_card", "601200000001"), ("email", "thelees@example.com")));
        await SendAsync(sources.Till, Sale("till-2", ("loyalty_card", "601200000002"), ("email", "thelees@example.com")));
        // A daughter's newsletter sign-up on her father's laptop, then her till sale.
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-dad","anonymousId":"laptop-1","traits":{"email":"dad@example.com"}}""");
        await SendAsync(sources.Web, """{"type":"identify","anonymousId":"laptop-1","traits":{"email":"daughter@example.com"}}""");
        await SendAsync(sources.Till, Sale("till-3", ("loyalty_card", "601200000003"), ("email", "daughter@example.com")));
        // Two card scans on the store's iPad, then one shopper signs in on it.
        await SendAsync(sources.Kiosk, """{"type":"track","event":"Card Scanned","anonymousId":"ipad-anon","context":{"device":{"id":"ipad-1"},"traits":{"loyalty_card":"601200000004"}}}""");
        await SendAsync(sources.Kiosk, """{"type":"track","event":"Card Scanned","anonymousId":"ipad-anon","context":{"device":{"id":"ipad-1"},"traits":{"loyalty_card":"601200000005"}}}""");
        await SendAsync(sources.Kiosk, """{"type":"identify","userId":"u-kim","anonymousId":"ipad-anon","context":{"device":{"id":"ipad-1"}}}""");
        // A joint payment card: a sale with one partner's card, then the card alone with a new e-mail.
        await SendAsync(sources.Till, Sale("till-4", ("loyalty_card", "601200000006"), ("payment_account", "pm_joint")));
        await SendAsync(sources.Till, Sale("till-5", ("payment_account", "pm_joint"), ("email", "partner@example.com")));

        Assert.NotEqual(await IdAsync(retailer, "loyalty_card", "601200000001"), await IdAsync(retailer, "loyalty_card", "601200000002"));
        var daughter = await IdAsync(retailer, "loyalty_card", "601200000003");
        Assert.Equal(daughter, await IdAsync(retailer, "email", "daughter@example.com"));
        Assert.NotEqual(await IdAsync(retailer, "user_id", "u-dad"), daughter);
        var kim = await retailer.Admin.WaitForProfileAsync("user_id", "u-kim");
        Assert.DoesNotContain("loyalty_card:601200000005", Identifiers(kim));
        Assert.NotEqual(await IdAsync(retailer, "loyalty_card", "601200000004"), await IdAsync(retailer, "loyalty_card", "601200000005"));
        Assert.NotEqual(await IdAsync(retailer, "loyalty_card", "601200000006"), await IdAsync(retailer, "email", "partner@example.com"));
        var family = await retailer.Admin.WaitForProfileAsync("email", "thelees@example.com");
        Assert.True(IdentifierOf(family, "email", "thelees@example.com").GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task Case1_AJoinMadeThroughAnEmailLaterFoundSharedIsTakenBack()
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-ann","anonymousId":"ann-cookie","traits":{"email":"family@example.com"}}""");
        await IdAsync(retailer, "user_id", "u-ann");
        // Jo's first till sale names only her card and the family address: nothing yet tells her from Ann.
        await SendAsync(sources.Till, Sale("till-jo", ("loyalty_card", "601200000010"), ("email", "family@example.com")));
        var joined = await retailer.Admin.WaitForProfileAsync("user_id", "u-ann", events: 2);
        Assert.Contains("loyalty_card:601200000010", Identifiers(joined));

        // Jo signs in with her own account, her card and the family address: two accounts, so the address is shared.
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-jo","anonymousId":"jo-cookie","traits":{"email":"family@example.com","loyalty_card":"601200000010"}}""");

        var jo = await retailer.Admin.WaitForProfileAsync("user_id", "u-jo", events: 2);
        Assert.Equal(["anonymous_id:jo-cookie", "anonymous_id:till-jo", "loyalty_card:601200000010", "user_id:u-jo"], Identifiers(jo));
        Assert.Equal(1, jo.GetProperty("aggregates").GetProperty("orders").GetInt32());
        var ann = await retailer.Admin.WaitForProfileAsync("user_id", "u-ann");
        Assert.Equal(["anonymous_id:ann-cookie", "email:family@example.com", "user_id:u-ann"], Identifiers(ann));
        Assert.Equal((1, 0), (ann.GetProperty("aggregates").GetProperty("events").GetInt32(), ann.GetProperty("aggregates").GetProperty("orders").GetInt32()));
        Assert.True(IdentifierOf(ann, "email", "family@example.com").GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task Case2_APersonsOwnCardOutranksTheFamilyEmailOnTheSameSale()
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-ann","anonymousId":"ann-phone","traits":{"email":"family@example.com"}}""");
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-bob","anonymousId":"bob-laptop","traits":{"loyalty_card":"601200000020"}}""");
        var ann = await IdAsync(retailer, "user_id", "u-ann");
        var bob = await IdAsync(retailer, "user_id", "u-bob");

        await SendAsync(sources.Till, Sale("till-bob", ("loyalty_card", "6012 0000 0020"), ("email", "family@example.com")));

        var sale = await retailer.Admin.WaitForProfileAsync("anonymous_id", "till-bob");
        Assert.Equal(bob, Id(sale));
        Assert.Equal(1, sale.GetProperty("aggregates").GetProperty("orders").GetInt32());
        var annNow = await retailer.Admin.WaitForProfileAsync("user_id", "u-ann");
        Assert.Equal((ann, 0), (Id(annNow), annNow.GetProperty("aggregates").GetProperty("orders").GetInt32()));
        Assert.Equal(["anonymous_id:ann-phone", "email:family@example.com", "user_id:u-ann"], Identifiers(annNow));
        Assert.True(IdentifierOf(annNow, "email", "family@example.com").GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task Case1_AHouseholdWhoseOnlyMeetingIsTheFamilyEmailStaysTwoPeopleByTheirNames()
    {
        var (retailer, sources) = await ShopAsync();
        // Bob joins at the till: the bank knows the member, his name and his card from the registration on.
        var registered = await retailer.Admin.PostAsJsonAsync("/api/members",
            new { displayName = "Bob Lee", identifiers = new[] { new { kind = "loyalty_card", value = "6012 0000 0050" } } }, Ct);
        var bobMember = (await registered.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var bob = await retailer.Admin.WaitForProfileAsync("loyalty_card", "601200000050");
        Assert.Equal(["loyalty_card:601200000050", $"member_id:{bobMember}"], Identifiers(bob));
        // Ann, not a member, signs up on the web with the family address.
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-ann","anonymousId":"ann-cookie","traits":{"name":"Ann Lee","email":"lees@example.com"}}""");
        var ann = await IdAsync(retailer, "user_id", "u-ann");

        // Bob's till sale: his card and the family address, the only event where the two meet.
        await SendAsync(sources.Till, Sale("till-bob", ("loyalty_card", "601200000050"), ("email", "lees@example.com")));

        var sale = await retailer.Admin.WaitForProfileAsync("anonymous_id", "till-bob");
        Assert.Equal(Id(bob), Id(sale));
        Assert.Equal(1, sale.GetProperty("aggregates").GetProperty("orders").GetInt32());
        var annNow = await retailer.Admin.WaitForProfileAsync("user_id", "u-ann");
        Assert.Equal(ann, Id(annNow));
        Assert.Equal(["anonymous_id:ann-cookie", "email:lees@example.com", "user_id:u-ann"], Identifiers(annNow));
        Assert.True(IdentifierOf(annNow, "email", "lees@example.com").GetProperty("shared").GetBoolean());

        // The other order: Cat's till sale first brings the family address to her card, then Dan signs up with it.
        await (await retailer.Admin.PostAsJsonAsync("/api/members",
            new { displayName = "Cat Roe", identifiers = new[] { new { kind = "loyalty_card", value = "601200000051" } } }, Ct)).ShouldAnswerAsync(HttpStatusCode.Created);
        await SendAsync(sources.Till, Sale("till-cat", ("loyalty_card", "601200000051"), ("email", "roes@example.com")));
        var cat = await retailer.Admin.WaitForProfileAsync("anonymous_id", "till-cat");
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-dan","anonymousId":"dan-cookie","traits":{"name":"Dan Roe","email":"roes@example.com"}}""");

        var dan = await retailer.Admin.WaitForProfileAsync("user_id", "u-dan");
        Assert.NotEqual(Id(cat), Id(dan));
        Assert.Equal(["anonymous_id:dan-cookie", "user_id:u-dan"], Identifiers(dan));
        Assert.True(IdentifierOf(await retailer.Admin.WaitForProfileAsync("loyalty_card", "601200000051"), "email", "roes@example.com").GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task Case3_ARecycledPhoneStartsANewOwnerInsteadOfJoiningTheOldOne()
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-first","anonymousId":"first-cookie","timestamp":"2024-02-01T10:00:00Z","traits":{"phone":"07700 900123","email":"first@example.com"}}""");
        var first = await IdAsync(retailer, "user_id", "u-first");

        await SendAsync(sources.Web, """{"type":"identify","anonymousId":"second-cookie","timestamp":"2025-03-01T10:00:00Z","traits":{"phone":"+44 7700 900123","email":"second@example.com"}}""");

        var second = await retailer.Admin.WaitForProfileAsync("email", "second@example.com");
        Assert.NotEqual(first, Id(second));
        Assert.Equal(Id(second), await IdAsync(retailer, "phone", "07700900123"));
        Assert.Equal("recycled_phone", IdentifierOf(second, "phone", "+447700900123").GetProperty("attachedBy").GetString());
        Assert.Equal(["anonymous_id:first-cookie", "email:first@example.com", "user_id:u-first"], Identifiers(await retailer.Admin.WaitForProfileAsync("user_id", "u-first")));
    }

    [Fact]
    public async Task Case4_AJoinIsRecordedWithWhatItMovedAndItsUndoHolds()
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Web, """{"type":"identify","userId":"u-cy","anonymousId":"cy-cookie","traits":{"email":"cy@example.com"}}""");
        var linking = Sale("till-cy", ("loyalty_card", "601200000040"), ("email", "cy@example.com"));
        await SendAsync(sources.Till, linking);
        var cy = await retailer.Admin.WaitForProfileAsync("user_id", "u-cy", events: 2);
        Assert.Contains("loyalty_card:601200000040", Identifiers(cy));
        var card = IdentifierOf(cy, "loyalty_card", "601200000040");
        Assert.Equal("linked", card.GetProperty("attachedBy").GetString());
        var joins = (await retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{Id(cy)}/joins", Ct)).GetProperty("items");
        var join = joins.EnumerateArray().Single(j => j.GetProperty("joinId").GetString() == card.GetProperty("joinId").GetString());
        Assert.Equal(("email", "cy@example.com"), (join.GetProperty("link").GetProperty("type").GetString(), join.GetProperty("link").GetProperty("value").GetString()));
        Assert.Equal(["anonymous_id:till-cy", "loyalty_card:601200000040"], join.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("value").GetString()}").Order());
        Assert.Equal(card.GetProperty("messageId").GetString(), join.GetProperty("messageId").GetString());

        var undone = await (await retailer.Admin.PostAsync($"/api/marketing/joins/{join.GetProperty("joinId").GetString()}/undo", null, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        await SendAsync(sources.Till, Sale("till-cy-2", ("loyalty_card", "601200000040"), ("email", "cy@example.com")));

        Assert.Equal(2, undone.GetProperty("keptApart").GetArrayLength());
        var split = await retailer.Admin.WaitForProfileAsync("anonymous_id", "till-cy-2");
        Assert.NotEqual(Id(cy), Id(split));
        Assert.Contains("loyalty_card:601200000040", Identifiers(split));
        Assert.DoesNotContain("loyalty_card:601200000040", Identifiers(await retailer.Admin.WaitForProfileAsync("user_id", "u-cy")));
        await (await retailer.Admin.PostAsync($"/api/marketing/joins/{join.GetProperty("joinId").GetString()}/undo", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "marketing.join_already_undone", "joinId");
        await (await retailer.Admin.PostAsync("/api/marketing/joins/join_nope/undo", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_join", "joinId");
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        await (await marketer.PostAsync("/api/marketing/joins/join_nope/undo", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
    }

    [Fact]
    public async Task Case5_OnePersonWrittenInAnyFormatIsOneProfile()
    {
        var (retailer, sources) = await ShopAsync();
        var store = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(store, sku, 5);
        var member = await retailer.AddMemberAsync("Dee Okafor", "dee@example.com");
        await SendAsync(sources.Web, $$$"""{"type":"identify","userId":"{{{member.Id}}}","anonymousId":"dee-cookie","traits":{"loyalty_card":"6012 0000 0009","phone":"447700900123"}}""");
        await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 1).ForMember(member.Id));
        await SendAsync(sources.Till, Sale("till-dee", ("loyalty_card", "601200000009")));

        var dee = await retailer.Admin.WaitForProfileAsync("anonymous_id", "till-dee", events: 3);
        Assert.Equal(
            ["anonymous_id:dee-cookie", "anonymous_id:till-dee", "email:dee@example.com", "loyalty_card:601200000009", $"member_id:{member.Id}", "phone:+447700900123"],
            Identifiers(dee));
        Assert.Equal(2, dee.GetProperty("aggregates").GetProperty("orders").GetInt32());
        Assert.Equal([member.Id], dee.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("u-1-old", "u-2-new")]
    [InlineData("u-2-old", "u-1-new")]
    public async Task Case6_AnAliasJoinsTheOldUserIdToTheNewOneWhicheverSortsFirst(string old, string @new)
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Web, $$$"""{"type":"identify","userId":"{{{old}}}","anonymousId":"cookie-old","traits":{"name":"Eli"}}""");
        await SendAsync(sources.Web, $$$"""{"type":"identify","userId":"{{{@new}}}","anonymousId":"cookie-new","traits":{"email":"eli@example.com"}}""");
        var kept = await IdAsync(retailer, "user_id", @new);

        await SendAsync(sources.Web, $$$"""{"type":"alias","previousId":"{{{old}}}","userId":"{{{@new}}}"}""");

        var eli = await retailer.Admin.WaitForProfileAsync("user_id", @new, events: 3);
        Assert.Equal(kept, Id(eli));
        Assert.Equal(kept, await IdAsync(retailer, "user_id", old));
        Assert.Equal(new[] { "anonymous_id:cookie-new", "anonymous_id:cookie-old", "email:eli@example.com", $"user_id:{@new}", $"user_id:{old}" }.Order(), Identifiers(eli));
    }

    [Fact]
    public async Task Case7_PlaceholderEmailsFromTheTillJoinNobody()
    {
        var (retailer, sources) = await ShopAsync();
        await SendAsync(sources.Till, Sale("till-a", ("loyalty_card", "601200000071"), ("email", "noemail@noemail.com")));
        await SendAsync(sources.Till, Sale("till-b", ("loyalty_card", "601200000072"), ("email", "NoEmail@NoEmail.com")));
        await SendAsync(sources.Till, Sale("till-c", ("loyalty_card", "601200000073"), ("email", "none@none.com")));
        await SendAsync(sources.Till, Sale("till-d", ("loyalty_card", "601200000074"), ("email", "no@email.com")));

        var ids = new List<string>();
        for (var card = 71; card <= 74; card++)
            ids.Add(await IdAsync(retailer, "loyalty_card", $"6012000000{card}"));
        Assert.Equal(4, ids.Distinct().Count());
        await (await retailer.Admin.GetAsync("/api/marketing/profiles?type=email&value=noemail%40noemail.com", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identifier", "value");
        var rules = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/identity-rules", Ct);
        Assert.Contains("none@none.com", rules.GetProperty("builtInBlockedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task AStoreTabletTheTenantDeclaresSharedLinksNobodyAndEachIdentifierSaysWhatAttachedIt()
    {
        var (retailer, sources) = await ShopAsync();
        var rules = await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new
        {
            sharedIdentifiers = new[] { new { type = "device_id", value = "ipad-7" }, new { type = "anonymous_id", value = "ipad-7-anon" } },
        }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(2, rules.GetProperty("sharedIdentifiers").GetArrayLength());

        await SendAsync(sources.Kiosk, """{"type":"identify","messageId":"m-1","userId":"u-fay","anonymousId":"ipad-7-anon","context":{"device":{"id":"ipad-7"}}}""");
        await SendAsync(sources.Kiosk, """{"type":"identify","messageId":"m-2","userId":"u-gus","anonymousId":"ipad-7-anon","context":{"device":{"id":"ipad-7"}}}""");
        await SendAsync(sources.Web, """{"type":"identify","messageId":"m-3","userId":"u-fay","anonymousId":"fay-cookie"}""");

        var fay = await retailer.Admin.WaitForProfileAsync("user_id", "u-fay", events: 2);
        Assert.Equal(["anonymous_id:fay-cookie", "user_id:u-fay"], Identifiers(fay));
        Assert.Equal(["user_id:u-gus"], Identifiers(await retailer.Admin.WaitForProfileAsync("user_id", "u-gus")));
        var (user, cookie) = (IdentifierOf(fay, "user_id", "u-fay"), IdentifierOf(fay, "anonymous_id", "fay-cookie"));
        Assert.Equal(("new_profile", "m-1", JsonValueKind.Null), (user.GetProperty("attachedBy").GetString(), user.GetProperty("messageId").GetString(), user.GetProperty("joinId").ValueKind));
        Assert.Equal(("linked", "m-3"), (cookie.GetProperty("attachedBy").GetString(), cookie.GetProperty("messageId").GetString()));
        await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { sharedIdentifiers = new[] { new { type = "user_id", value = "u-fay" } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identity_rule", "sharedIdentifiers[0].type");
        await (await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { sharedIdentifiers = new[] { new { type = "email", value = "not-an-email" } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identifier", "sharedIdentifiers[0].value");
        var kept = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/identity-rules", Ct);
        Assert.Equal(2, kept.GetProperty("sharedIdentifiers").GetArrayLength());
    }
}

public sealed class IdentityResolutionSqliteTests(SqliteServer server) : IdentityResolutionTests(server), IClassFixture<SqliteServer>;

public sealed class IdentityResolutionPostgresTests(PostgresServer server) : IdentityResolutionTests(server), IClassFixture<PostgresServer>;
