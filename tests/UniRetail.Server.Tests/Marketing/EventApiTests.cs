using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

public abstract class EventApiTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task EveryTrackingEndpointStoresItsCallWithOrWithoutTheV1Prefix()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync("app")).WriteKey);
        var calls = new (string Path, string Json)[]
        {
            ("/v1/identify", """{"userId":"u1","traits":{"email":"ana@example.com"}}"""),
            ("/v1/track", """{"userId":"u1","event":"Product Viewed"}"""),
            ("/v1/page", """{"anonymousId":"a1","name":"Home"}"""),
            ("/v1/screen", """{"userId":"u1","name":"Basket"}"""),
            ("/v1/group", """{"userId":"u1","groupId":"g1"}"""),
            ("/v1/alias", """{"userId":"u1","previousId":"a1"}"""),
            ("/track", """{"userId":"u1","event":"Product Added"}"""),
            ("/v1/batch", """{"batch":[{"type":"track","userId":"u1","event":"Cart Viewed"}]}"""),
            ("/v1/b", """{"batch":[{"type":"track","userId":"u1","event":"Checkout Started"}]}"""),
            ("/batch", """{"batch":[{"type":"identify","anonymousId":"a2"}]}"""),
        };

        foreach (var (path, json) in calls)
        {
            var answer = await (await sdk.SendJsonAsync(path, json)).ShouldAnswerAsync(HttpStatusCode.OK);
            Assert.Null(answer.Rejected);
        }

        var events = await retailer.EventsAsync();
        Assert.Equal(["identify", "track", "page", "screen", "group", "alias", "track", "track", "track", "identify"], events.Select(e => e.Type));
        Assert.Equal(["Product Viewed", "Product Added", "Cart Viewed", "Checkout Started"], events.Where(e => e.Type == "track").Select(e => e.Event));
        Assert.All(events, e => Assert.Equal("app", e.SourceKind));
        Assert.Equal("ana@example.com", events[0].Traits!.Value.GetProperty("email").GetString());
    }

    [Fact]
    public async Task AWriteKeyInTheBodyIsEnoughWithoutBasicAuth()
    {
        var retailer = await NewRetailerAsync();
        var key = (await retailer.AddSourceAsync()).WriteKey;

        await (await Server.SdkClient(null).SendJsonAsync("/v1/track", $$"""{"writeKey":"{{key}}","userId":"u1","event":"Signed Up"}""")).ShouldAnswerAsync(HttpStatusCode.OK);

        Assert.Equal("Signed Up", Assert.Single(await retailer.EventsAsync()).Event);
    }

    [Fact]
    public async Task GzipJsonLabelledFormUrlencodedIsReadByItsContent()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);

        await (await sdk.SendGzipAsync("/v1/batch", """{"batch":[{"type":"track","anonymousId":"a1","event":"Store Visited"}],"sentAt":"2026-11-20T10:00:00Z"}"""))
            .ShouldAnswerAsync(HttpStatusCode.OK);

        Assert.Equal("Store Visited", Assert.Single(await retailer.EventsAsync()).Event);
    }

    [Fact]
    public async Task AnOversizedEventOrBatchIsRefusedWith413AndNothingIsStored()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        var blob = new string('x', 40 * 1024);

        var single = await (await sdk.SendJsonAsync("/v1/track", $$$"""{"userId":"u1","event":"E","properties":{"blob":"{{{blob}}}"}}""")).ShouldAnswerAsync(HttpStatusCode.RequestEntityTooLarge);
        // 600 KB of one repeated event compresses to a few KB: the limit holds after decompression.
        var many = string.Join(",", Enumerable.Repeat("""{"type":"track","userId":"u1","event":"Scrolled","properties":{"pad":"0000000000000000000000000000000000000000000000000000"}}""", 6000));
        var bomb = await (await sdk.SendGzipAsync("/v1/batch", $$"""{"batch":[{{many}}]}""")).ShouldAnswerAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("marketing.request_too_large", single.Code);
        Assert.Equal("marketing.request_too_large", bomb.Code);
        Assert.Empty(await retailer.EventsAsync());
    }

    [Fact]
    public async Task MalformedJsonIsA400InTheSegmentShape()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);

        var answer = await (await sdk.SendJsonAsync("/v1/track", """{"userId":"u1","event":""")).ShouldAnswerAsync(HttpStatusCode.BadRequest);

        Assert.Equal("marketing.malformed_json", answer.Code);
    }

    [Fact]
    public async Task AWrongOrMissingWriteKeyIsA401()
    {
        var retailer = await NewRetailerAsync();
        var key = (await retailer.AddSourceAsync()).WriteKey!;
        const string track = """{"userId":"u1","event":"Signed Up"}""";

        var wrong = await (await Server.SdkClient(key[..^4] + "AAAA").SendJsonAsync("/v1/track", track)).ShouldAnswerAsync(HttpStatusCode.Unauthorized);
        var missing = await Server.SdkClient(null).SendJsonAsync("/v1/track", track);
        var adminKey = await retailer.Admin.SendJsonAsync("/v1/track", track);

        Assert.Equal("marketing.bad_write_key", wrong.Code);
        await missing.ShouldAnswerAsync(HttpStatusCode.Unauthorized);
        await adminKey.ShouldAnswerAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await retailer.EventsAsync());
    }

    [Fact]
    public async Task ATimestampThatDoesNotParseIsA400NamingTheField()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);

        var answer = await (await sdk.SendJsonAsync("/v1/track", """{"userId":"u1","event":"E","timestamp":"last tuesday"}""")).ShouldAnswerAsync(HttpStatusCode.BadRequest);

        Assert.Equal("marketing.bad_timestamp", answer.Code);
        Assert.StartsWith("timestamp:", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchWithBadEventsStoresTheGoodOnesAndSaysWhichWereRejected()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        const string batch = """
            {"batch":[
              {"type":"track","userId":"u1","event":"Product Viewed"},
              {"type":"track","userId":"u1"},
              {"type":"identify","userId":"u1","timestamp":"not a time"},
              {"type":"page","anonymousId":"a1","name":"Home"}
            ]}
            """;

        var answer = await (await sdk.SendJsonAsync("/v1/batch", batch)).ShouldAnswerAsync(HttpStatusCode.OK);

        Assert.Equal([(1, "marketing.invalid_event"), (2, "marketing.bad_timestamp")], answer.Rejected!.Select(r => (r.Index, r.Code)));
        Assert.Equal(["track", "page"], (await retailer.EventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task ARetriedRequestWithTheSameMessageIdsIsStoredOnce()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        const string batch = """{"batch":[{"type":"track","userId":"u1","event":"A","messageId":"m-1"},{"type":"track","userId":"u1","event":"B","messageId":"m-2"}]}""";

        await (await sdk.SendJsonAsync("/v1/batch", batch)).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await sdk.SendJsonAsync("/v1/batch", batch)).ShouldAnswerAsync(HttpStatusCode.OK);

        Assert.Equal(["m-1", "m-2"], (await retailer.EventsAsync()).Select(e => e.MessageId));
    }
}

public sealed class EventApiSqliteTests(SqliteServer server) : EventApiTests(server), IClassFixture<SqliteServer>;

public sealed class EventApiPostgresTests(PostgresServer server) : EventApiTests(server), IClassFixture<PostgresServer>;
