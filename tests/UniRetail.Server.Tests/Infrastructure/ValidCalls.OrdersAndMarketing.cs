using System.Text.Json;
using UniRetail.Server.Tests.Marketing;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    private static readonly string[] EventTypes = ["identify", "track", "page", "screen", "group", "alias"];

    private void AddOrders()
    {
        Add("Orders.Place", store => ApiRequest.Post("/api/orders", ASaleAt(store).ForMember(T.Ann.Id).ToJson()));
        Add("Orders.List", _ => ApiRequest.Get("/api/orders?limit=10"));
        Add("Orders.Get", _ => ApiRequest.Get($"/api/orders/{T.Orders["allocated"].Id}"));
        Add("Orders.ConfirmPayment", async store => Verb(await FreshOrderAsync(AnOrder.PickupAt(store).WithLine(Sku, 1).Unpaid()), "confirm-payment"));
        Add("Orders.StartPicking", async store => Verb(await FreshOrderAsync(AnOrder.PickupAt(store).WithLine(Sku, 1)), "start-picking"));
        Add("Orders.ReadyForPickup", async store => Verb(await FreshOrderAsync(AnOrder.PickupAt(store).WithLine(Sku, 1), "start-picking"), "ready-for-pickup"));
        Add("Orders.Ship", async store =>
            Verb(await FreshOrderAsync(new OrderBuilder("web", "ship_to_home", store.Id, London.Acton).WithLine(Sku, 1), "start-picking"), "ship"));
        Add("Orders.Dispatch", async store =>
            Verb(await FreshOrderAsync(new OrderBuilder("app", "same_day_delivery", store.Id, London.Shoreditch).WithLine(Sku, 1), "start-picking"), "dispatch"));
        Add("Orders.Complete", async store =>
            Verb(await FreshOrderAsync(AnOrder.PickupAt(store).WithLine(Sku, 1), "start-picking", "ready-for-pickup"), "complete"));
        Add("Orders.Cancel", async store =>
            Verb(await FreshOrderAsync(AnOrder.PickupAt(store).WithLine(Sku, 1)), "cancel").WithJson(new { reason = "customer changed their mind" }));
        Add("Orders.Return", async store =>
            Verb(await FreshOrderAsync(ASaleAt(store)), "returns")
                .WithJson(new { storeId = store.Id, condition = "resellable", reason = "too small", lines = new[] { new { lineNo = 1, quantity = 1 } } }));
    }

    private OrderBuilder ASaleAt(Location store) => AnOrder.InStoreAt(store).WithLine(Sku, 1);

    private static ApiRequest Verb(Order order, string verb) => ApiRequest.Post($"/api/orders/{order.Id}/{verb}");

    private async Task<Order> FreshOrderAsync(OrderBuilder order, params string[] verbs)
    {
        var placed = await T.Retailer.PlaceOrderOkAsync(order);
        foreach (var verb in verbs)
            placed = await T.Retailer.MoveAsync(placed, verb);
        return placed;
    }

    private void AddMarketing()
    {
        Add("Marketing.Sources.Create", store => ApiRequest.Post("/api/marketing/sources", new { kind = "pos", name = "Till 2", storeId = store.Id }));
        Add("Marketing.Sources.List", _ => ApiRequest.Get("/api/marketing/sources"));
        Add("Marketing.Sources.RotateKey", async _ => ApiRequest.Post($"/api/marketing/sources/{(await T.Retailer.AddSourceAsync("app")).SourceId}/keys", new { overlapMinutes = 60 }));
        Add("Marketing.Sources.RevokeKey", async _ =>
        {
            var source = await T.Retailer.AddSourceAsync("app");
            return ApiRequest.Delete($"/api/marketing/sources/{source.SourceId}/keys/{source.WriteKeyId}");
        });
        Add("Marketing.Events.List", _ => ApiRequest.Get($"/api/marketing/events?limit=10&userId=u-ann-{T.Tag}"));
        Add("Marketing.Profiles.Find", _ => ApiRequest.Get($"/api/marketing/profiles?type=email&value={Uri.EscapeDataString(T.AnnEmail)}"));
        Add("Marketing.Profiles.Show", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}"));
        Add("Marketing.Profiles.Identities", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/identities"));
        Add("Marketing.Profiles.Timeline", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/timeline?limit=10"));
        Add("Marketing.Profiles.Merges", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/merges"));
        Add("Marketing.Profiles.Consent", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/consent"));
        Add("Marketing.Profiles.RecordConsent", _ => ApiRequest.Put($"/api/marketing/profiles/{T.AnnProfileId}/consent", new { purposes = new { marketing = true, analytics = true } }));
        Add("Marketing.Profiles.Consented", _ => ApiRequest.Get("/api/marketing/audiences/consented?purpose=marketing&limit=10"));
        Add("Marketing.Merges.Undo", async _ => ApiRequest.Post($"/api/marketing/merges/{await FreshProfileMergeAsync()}/undo"));
        Add("Marketing.Profiles.Joins", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/joins"));
        Add("Marketing.Joins.Undo", async _ => ApiRequest.Post($"/api/marketing/joins/{await FreshJoinAsync()}/undo"));
        Add("Marketing.IdentityRules.Get", _ => ApiRequest.Get("/api/marketing/identity-rules"));
        Add("Marketing.Aipl.Counts", _ => ApiRequest.Get("/api/marketing/aipl?date=2026-11-20"));
        Add("Marketing.Aipl.Flow", _ => ApiRequest.Get("/api/marketing/aipl/flow?from=2026-11-01&to=2026-11-20"));
        Add("Marketing.Aipl.History", _ => ApiRequest.Get("/api/marketing/aipl/history?from=2026-11-01&to=2026-11-30"));
        Add("Marketing.Aipl.Snapshot", _ => ApiRequest.Post("/api/marketing/aipl/snapshots?date=2026-11-20"));
        Add("Marketing.Aipl.Profile", _ => ApiRequest.Get($"/api/marketing/profiles/{T.AnnProfileId}/aipl?date=2026-11-20"));
        Add("Marketing.Aipl.Rules", _ => ApiRequest.Get("/api/marketing/aipl/rules"));
        Add("Marketing.Aipl.SetRules", _ => ApiRequest.Put("/api/marketing/aipl/rules", AiplRules()));
        Add("Marketing.Fast", _ => ApiRequest.Get("/api/marketing/fast?from=2026-11-01&to=2026-11-20"));
        Add("Marketing.Grow", _ => ApiRequest.Get("/api/marketing/grow?from=2026-11-01&to=2026-11-20"));
        Add("Marketing.Forecast.Gmv", async _ =>
        {
            await SalesHistoryAsync();
            return ApiRequest.Get("/api/marketing/forecast/gmv?months=3");
        });
        Add("Marketing.Forecast.Target", async _ =>
        {
            await SalesHistoryAsync();
            return ApiRequest.Post("/api/marketing/forecast/gmv/target", new { gmv = 1000, monthsAhead = 2 });
        });
        Add("Marketing.Forecast.Backtest", async _ =>
        {
            await SalesHistoryAsync();
            return ApiRequest.Get("/api/marketing/forecast/backtest?trainUntil=2026-08-31&months=2");
        });
        Add("Marketing.IdentityRules.Set", _ => ApiRequest.Put("/api/marketing/identity-rules",
            new { rules = new[] { new { type = "device_id", mayMerge = true, maxPerProfile = 5, priority = 7 } }, blockedValues = new[] { "till-tablet" } }));
        // A seeded tenant's re-stitch finishes within the request and Ann keeps her profile id, so later calls still find her.
        Add("Marketing.Restitch.Start", _ => ApiRequest.Post("/api/marketing/restitch"));
        Add("Marketing.Restitch.Status", async _ =>
        {
            await T.Retailer.Admin.PostAsync("/api/marketing/restitch", null, TestContext.Current.CancellationToken);
            return ApiRequest.Get("/api/marketing/restitch");
        });
        Add("Marketing.Privacy.Export", _ => ApiRequest.Post("/api/marketing/exports", new { profileId = T.AnnProfileId }));
        Add("Marketing.Privacy.Erase", _ => ApiRequest.Post("/api/marketing/erasures", new { type = "email", value = $"gone.{Fresh()}@example.com" }));
        Add("Marketing.Privacy.Erasures", _ => ApiRequest.Get("/api/marketing/erasures"));
    }

    /// <summary>The default AIPL rules, as a PUT sends them.</summary>
    public static object AiplRules() => new
    {
        aware = new { events = new[] { "page", "screen", "Product Viewed" }, days = 15 },
        interested = new { events = new[] { "Product Added", "Products Searched" }, days = 15 },
        purchased = new { events = new[] { "Order Completed" }, days = 913 },
        loyal = new { purchaseDays = 2, days = 365, events = new[] { "Product Reviewed" }, minRating = 4, tiers = Array.Empty<string>() },
    };

    private Task? _salesHistory;

    /// <summary>
    /// Monthly orders of one shopper from April to October 2026, sent once, so the forecast has the four month ends it needs;
    /// waits until the projector has them (the forecast answers 200).
    /// </summary>
    private Task SalesHistoryAsync() => _salesHistory ??= SendSalesHistoryAsync();

    private async Task SendSalesHistoryAsync()
    {
        var user = $"u-hist-{T.Tag}";
        await T.IngestAsync(T.Web, "/v1/batch", new
        {
            batch = Enumerable.Range(4, 7).Select(month => new
            {
                type = "track", userId = user, @event = "Order Completed", messageId = $"hist-{T.Tag}-{month}",
                timestamp = $"2026-{month:D2}-10T10:00:00Z", properties = new { revenue = 20 + month, currency = "GBP" },
            }).ToArray(),
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await T.Retailer.Admin.GetAsync("/api/marketing/forecast/backtest?trainUntil=2026-08-31&months=2", TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
                return;
            Assert.True(DateTime.UtcNow < deadline, $"The forecast did not see the sales history within 30 s: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>An app install's profile merged into Ann's when the install names her e-mail; answers the merge's id.</summary>
    private async Task<string> FreshProfileMergeAsync()
    {
        var install = $"install-{Fresh()}";
        await T.IngestAsync(T.Till, "/v1/screen", new { anonymousId = install, name = "Home" });
        var alone = (await T.Retailer.Admin.WaitForProfileAsync("anonymous_id", install)).GetProperty("profileId").GetString()!;
        await T.IngestAsync(T.Till, "/v1/identify", new { anonymousId = install, traits = new { email = T.AnnEmail } });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var merges = await T.Retailer.Admin.AllPagesAsync<JsonElement>($"/api/marketing/profiles/{T.AnnProfileId}/merges");
            var merge = merges.FirstOrDefault(m => m.GetProperty("mergedProfileId").GetString() == alone);
            if (merge.ValueKind == JsonValueKind.Object)
                return merge.GetProperty("mergeId").GetString()!;
            Assert.True(DateTime.UtcNow < deadline, $"The projector did not merge {install} into Ann's profile within 30 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A new app install joined to Ann's profile by an identify naming her e-mail; answers the join's id.</summary>
    private async Task<string> FreshJoinAsync()
    {
        var install = $"install-{Fresh()}";
        await T.IngestAsync(T.Till, "/v1/identify", new { anonymousId = install, traits = new { email = T.AnnEmail } });
        var ann = await T.Retailer.Admin.WaitForProfileAsync("anonymous_id", install);
        return ann.GetProperty("identifiers").EnumerateArray().Single(i => i.GetProperty("value").GetString() == install).GetProperty("joinId").GetString()!;
    }

    private void AddEventApi()
    {
        foreach (var prefix in new[] { "/v1", "" })
        {
            foreach (var type in EventTypes)
                Add($"POST {prefix}/{type}", _ => AnEvent($"{prefix}/{type}", EventOf(type)));
            foreach (var batch in new[] { "batch", "b" })
                Add($"POST {prefix}/{batch}", _ => AnEvent($"{prefix}/{batch}", new { batch = new[] { EventOf("track"), EventOf("identify") } }));
        }
    }

    private ApiRequest AnEvent(string path, object body) => ApiRequest.Post(path, body).WithWriteKey(T.Web.WriteKey!);

    private Dictionary<string, object> EventOf(string type)
    {
        var user = $"u-ann-{T.Tag}";
        var fields = new Dictionary<string, object> { ["type"] = type, ["timestamp"] = "2026-11-20T10:00:00Z", ["context"] = new { ip = "203.0.113.7", locale = "en-GB" } };
        switch (type)
        {
            case "identify":
                fields["userId"] = user;
                fields["traits"] = new { email = T.AnnEmail, name = "Ann", phone = "+44 7700 900123" };
                break;
            case "track":
                fields["userId"] = user;
                fields["event"] = "Product Viewed";
                fields["properties"] = new { sku = Sku, price = 12.50m, currency = "GBP" };
                break;
            case "page" or "screen":
                fields["anonymousId"] = $"cookie-{T.Tag}";
                fields["name"] = "Mugs";
                fields["properties"] = new { url = "https://shop.example.com/mugs" };
                break;
            case "group":
                fields["userId"] = user;
                fields["groupId"] = "staff-club";
                fields["traits"] = new { name = "Staff club" };
                break;
            case "alias":
                fields["previousId"] = $"cookie-{T.Tag}";
                fields["userId"] = user;
                break;
        }
        return fields;
    }
}
