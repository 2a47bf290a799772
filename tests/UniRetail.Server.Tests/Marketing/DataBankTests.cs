using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

public abstract class DataBankTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task AStoreSourceStampsItsStoreOnEveryEventAndItsListingNeverShowsTheKey()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var pos = await retailer.AddSourceAsync("pos", store.Id);

        await (await Server.SdkClient(pos.WriteKey).SendJsonAsync("/v1/track", """{"anonymousId":"till-1","event":"Product Scanned"}""")).ShouldAnswerAsync(HttpStatusCode.OK);

        var stored = Assert.Single(await retailer.EventsAsync());
        Assert.Equal((pos.SourceId, "pos", store.Id), (stored.SourceId, stored.SourceKind, stored.LocationId));
        var listed = Assert.Single((await retailer.Admin.GetFromJsonAsync<Page<Source>>("/api/marketing/sources", Ct))!.Items);
        Assert.Equal((pos.SourceId, store.Id), (listed.SourceId, listed.StoreId));
        Assert.Null(listed.WriteKey);
    }

    [Fact]
    public async Task CreatingASourceWithABadKindOrAWarehouseOrAMarketerKeyIsProblemDetails()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);

        await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "billboard" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_source_kind", "kind");
        await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "store", storeId = warehouse.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_store", "storeId");
        await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "web", storeId = warehouse.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.store_not_allowed", "storeId");
        await (await marketer.PostAsJsonAsync("/api/marketing/sources", new { kind = "web" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        Assert.Empty((await retailer.Admin.GetFromJsonAsync<Page<Source>>("/api/marketing/sources", Ct))!.Items);
    }

    [Fact]
    public async Task AMarketerReadsTheBankAndStoreStaffMayNot()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.Camden);
        await (await Server.SdkClient((await retailer.AddSourceAsync()).WriteKey).SendJsonAsync("/v1/track", """{"userId":"u1","event":"E"}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        var staff = await retailer.KeyForStoreAsync(store);

        Assert.Single((await (await marketer.GetAsync("/api/marketing/events?userId=u1", Ct)).ShouldBeAsync<Page<BankEvent>>(HttpStatusCode.OK)).Items);
        await (await staff.GetAsync("/api/marketing/events", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await retailer.Admin.GetAsync("/api/marketing/events?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_limit", "limit");
    }

    [Fact]
    public async Task PlacingAnOrderForAMemberPutsAnOrderCompletedEventInTheBankAndCancellingItAnOrderCancelled()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(warehouse, sku, 10);
        var member = await retailer.AddMemberAsync("Ana Silva", "ana@example.com");

        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2).ForMember(member.Id));
        await (await retailer.Admin.PostAsync($"/api/orders/{order.Id}/cancel", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var all = await retailer.EventsAsync($"?userId={member.Id}");
        // The registration came first: an identify of the commerce source with the member's name and e-mail.
        var registration = all[0];
        Assert.Equal(("identify", "commerce"), (registration.Type, registration.SourceKind));
        Assert.Equal(("Ana Silva", "ana@example.com"), (registration.Traits!.Value.GetProperty("name").GetString(), registration.Traits!.Value.GetProperty("email").GetString()));
        var events = all.Skip(1).ToList();
        Assert.Equal(["Order Completed", "Order Cancelled"], events.Select(e => e.Event));
        Assert.All(events, e => Assert.Equal(("track", "commerce"), (e.Type, e.SourceKind)));
        Assert.Equal(order.Id, events[0].Properties!.Value.GetProperty("order_id").GetString());
        Assert.Equal(25.00m, events[0].Properties!.Value.GetProperty("revenue").GetDecimal());
        Assert.Equal("GBP", events[0].Properties!.Value.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task AnotherTenantSeesNoneOfTheEventsAndItsKeyWritesOnlyToItsOwnBank()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var camdenSdk = Server.SdkClient((await camden.AddSourceAsync()).WriteKey);
        var brixtonSdk = Server.SdkClient((await brixton.AddSourceAsync()).WriteKey);

        await (await camdenSdk.SendJsonAsync("/v1/track", """{"userId":"u1","event":"Camden Event","messageId":"m-1"}""")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await brixtonSdk.SendJsonAsync("/v1/track", """{"userId":"u1","event":"Brixton Event","messageId":"m-1"}""")).ShouldAnswerAsync(HttpStatusCode.OK);

        Assert.Equal(["Camden Event"], (await camden.EventsAsync("?userId=u1")).Select(e => e.Event));
        Assert.Equal(["Brixton Event"], (await brixton.EventsAsync("?userId=u1")).Select(e => e.Event));
        Assert.Single((await brixton.Admin.GetFromJsonAsync<Page<Source>>("/api/marketing/sources", Ct))!.Items);
    }
}

public sealed class DataBankSqliteTests(SqliteServer server) : DataBankTests(server), IClassFixture<SqliteServer>;

public sealed class DataBankPostgresTests(PostgresServer server) : DataBankTests(server), IClassFixture<PostgresServer>;
