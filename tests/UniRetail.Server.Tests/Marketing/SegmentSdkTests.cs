using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Server.Tests.Crash;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>
/// Segment's own Node SDK (@segment/analytics-node, pinned in tests/sdk), unchanged and pointed at the real server process,
/// delivers every call, and the bank stores each event it sent exactly once, as sent.
/// </summary>
public abstract class SegmentSdkTests(DatabaseProvider provider)
{
    private const string Ana = "mem-ana-silva";
    private const string AnasBrowser = "anon-7f3c2a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AShoppersJourneySentByTheSegmentNodeSdkIsStoredOnceEventByEvent()
    {
        await using var shop = await WebShop.OpenAsync(provider);

        var run = await NodeSdk.SendAsync(shop.Server.Address, shop.WriteKey, "journey", Ct);

        var request = Assert.Single(run.Requests);
        Assert.Equal(("/v1/batch", 7, "Basic", 200), (request.Url.AbsolutePath, request.Events, request.Auth, request.Status));
        var stored = await shop.StoredOnceAsync(run.Delivered);
        var identify = stored["identify"].Single();
        Assert.Equal((Ana, AnasBrowser), (identify.UserId, identify.AnonymousId));
        Assert.Equal("ana.silva@example.com", identify.Traits!.Value.GetProperty("email").GetString());
        Assert.Equal("+447700900123", identify.Traits!.Value.GetProperty("phone").GetString());
        Assert.Equal("@segment/analytics-node", identify.Context!.Value.GetProperty("library").GetProperty("name").GetString());
        Assert.Equal(["Order Completed", "Product Viewed"], stored["track"].Select(e => e.Event).Order());
        Assert.All(stored["track"], e => Assert.Equal((Ana, AnasBrowser), (e.UserId, e.AnonymousId)));
        var viewed = stored["track"].Single(e => e.Event == "Product Viewed").Properties!.Value;
        Assert.Equal(("85123A", 2.55m, "GBP"), (viewed.GetProperty("sku").GetString(), viewed.GetProperty("price").GetDecimal(), viewed.GetProperty("currency").GetString()));
        var completed = stored["track"].Single(e => e.Event == "Order Completed").Properties!.Value;
        Assert.Equal(("ord-4711", 25.5m, "GBP"), (completed.GetProperty("order_id").GetString(), completed.GetProperty("revenue").GetDecimal(), completed.GetProperty("currency").GetString()));
        Assert.Equal(("85123A", 10), (completed.GetProperty("products")[0].GetProperty("sku").GetString(), completed.GetProperty("products")[0].GetProperty("quantity").GetInt32()));
        var page = stored["page"].Single();
        Assert.Equal(("Product", null, AnasBrowser), (page.Name, page.UserId, page.AnonymousId));
        Assert.Equal("/p/85123A", page.Properties!.Value.GetProperty("path").GetString());
        var screen = stored["screen"].Single();
        Assert.Equal(("Basket", Ana), (screen.Name, screen.UserId));
        var group = stored["group"].Single();
        Assert.Equal(("grp-camden-runners", Ana), (group.GroupId, group.UserId));
        Assert.Equal("Camden Runners", group.Traits!.Value.GetProperty("name").GetString());
        var alias = stored["alias"].Single();
        Assert.Equal((AnasBrowser, Ana), (alias.PreviousId, alias.UserId));

        // The server's projector stitches the journey into one person, found by any of her identifiers.
        var profile = await shop.ProfileAsync("email", "ana.silva@example.com", events: 7);
        Assert.Equal(
            ["anonymous_id:anon-7f3c2a", "email:ana.silva@example.com", "phone:+447700900123", $"user_id:{Ana}"],
            profile.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("value").GetString()}").Order());
        Assert.Equal(profile.GetProperty("profileId").GetString(), (await shop.ProfileAsync("phone", "07700 900123", events: 7)).GetProperty("profileId").GetString());
        var aggregates = profile.GetProperty("aggregates");
        Assert.Equal(1, aggregates.GetProperty("orders").GetInt32());
        Assert.Equal(25.5m, aggregates.GetProperty("revenue")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("Ana Silva", profile.GetProperty("traits").GetProperty("name").GetProperty("value").GetString());
        var timeline = await shop.GetAsync($"/api/marketing/profiles/{profile.GetProperty("profileId").GetString()}/timeline");
        Assert.Equal(7, timeline.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task FiveHundredEventsTheSdkBatchesNearTheSizeLimitAreEachStoredOnce()
    {
        await using var shop = await WebShop.OpenAsync(provider);

        var run = await NodeSdk.SendAsync(shop.Server.Address, shop.WriteKey, "bulk", Ct);

        Assert.Equal([250, 250], run.Requests.Select(r => r.Events));
        Assert.All(run.Requests, r => Assert.True(r.Status == 200 && r.Bytes is > 300 * 1024 and < 500 * 1024, $"{r.Bytes} bytes answered {r.Status}"));
        var stored = (await shop.StoredOnceAsync(run.Delivered))["track"];
        Assert.Equal(Enumerable.Range(0, 500), stored.Select(e => e.Properties!.Value.GetProperty("index").GetInt32()).Order());
        Assert.All(stored, e =>
        {
            var index = e.Properties!.Value.GetProperty("index").GetInt32();
            Assert.Equal(("Product List Viewed", $"anon-bulk-{index % 25}", $"list-{index}"), (e.Event, e.AnonymousId, e.Properties!.Value.GetProperty("list_id").GetString()));
        });
    }

    /// <summary>A new tenant with a web source, on the real server process over a fresh database.</summary>
    private sealed class WebShop : IAsyncDisposable
    {
        private readonly HttpClient _admin;

        private WebShop(ServerProcess server, HttpClient admin, string writeKey)
        {
            Server = server;
            _admin = admin;
            WriteKey = writeKey;
        }

        public ServerProcess Server { get; }

        public string WriteKey { get; }

        public static async Task<WebShop> OpenAsync(DatabaseProvider provider)
        {
            var database = TestDatabases.New(provider);
            NodeSdk.AssertInstalled();
            string adminToken;
            // The tenant comes from the CLI's own handler (there is no HTTP call for it); the server process starts after.
            await using (var setUp = new UniRetailFactory(database))
                adminToken = (await Retailer.CreateAsync(setUp, "Camden Goods")).AdminToken;
            var server = await ServerProcess.StartAsync(database, Ct);
            var admin = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            var source = await (await admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "web", name = "Web shop" }, Ct))
                .ShouldBeAsync<Source>(HttpStatusCode.Created);
            return new WebShop(server, admin, source.WriteKey!);
        }

        /// <summary>
        /// Reads the whole bank, asserts it holds exactly the delivered events (by the SDK's messageIds, none twice) with the
        /// type, event name, name and ids the SDK sent, and returns them by type.
        /// </summary>
        public async Task<Dictionary<string, List<BankEvent>>> StoredOnceAsync(IReadOnlyList<SdkEvent> delivered)
        {
            var stored = await _admin.AllPagesAsync<BankEvent>("/api/marketing/events");
            Assert.Equal(stored.Count, stored.DistinctBy(e => e.MessageId).Count());
            Assert.Equal(delivered.Select(e => e.MessageId).Order(), stored.Select(e => e.MessageId).Order());
            var byId = stored.ToDictionary(e => e.MessageId);
            Assert.All(delivered, sent =>
            {
                var kept = byId[sent.MessageId];
                Assert.Equal(sent, new SdkEvent(kept.MessageId, kept.Type, kept.Event, kept.Name, kept.UserId, kept.AnonymousId));
                Assert.Equal("web", kept.SourceKind);
            });
            return stored.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.ToList());
        }

        public Task<JsonElement> ProfileAsync(string type, string value, int events) => _admin.WaitForProfileAsync(type, value, events);

        public async Task<JsonElement> GetAsync(string path) => await _admin.GetFromJsonAsync<JsonElement>(path, Ct);

        public async ValueTask DisposeAsync()
        {
            _admin.Dispose();
            await Server.DisposeAsync();
        }
    }
}

public sealed class SegmentSdkSqliteTests() : SegmentSdkTests(DatabaseProvider.Sqlite);

public sealed class SegmentSdkPostgresTests() : SegmentSdkTests(DatabaseProvider.Postgres);
