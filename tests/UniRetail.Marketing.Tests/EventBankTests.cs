using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Members;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Sources;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Orders.Contracts;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

public abstract class EventBankTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule().AddMembersModule().AddMarketingModule();

    private async Task<Caller> NewTenantAsync()
    {
        var created = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        return Caller.AdminOf(created.Value.TenantId);
    }

    private async Task<string> NewWriteKeyAsync(Caller admin, string kind = "web") =>
        (await Get<ManageSources>().CreateAsync(admin, new CreateSourceRequest(kind, null, null), Ct)).Value.WriteKey;

    private Task<Result<IngestOutcome>> SendAsync(string writeKey, string json, string? type = null) =>
        Get<IngestEvents>().HandleAsync(type, Encoding.UTF8.GetBytes(json), writeKey, Ct);

    private async Task<IReadOnlyList<EventView>> EventsOfAsync(Caller caller, string? userId = null) =>
        (await Get<EventQueries>().ListAsync(caller, userId, null, new PageQuery(500, null), Ct)).Items;

    [Fact]
    public async Task HandleAsync_Track_IsStoredWithItsTenantSourceAndKind()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin, "app");

        var outcome = await SendAsync(key, """{"userId":"mem_1","event":"Product Viewed","messageId":"m-1","properties":{"sku":"MUG-BLUE"}}""", "track");

        Assert.Equal(1, outcome.Value.Stored);
        var stored = Assert.Single(await EventsOfAsync(admin));
        Assert.Equal(("track", "Product Viewed", "mem_1", "app"), (stored.Type, stored.Event, stored.UserId, stored.SourceKind));
        Assert.Equal("MUG-BLUE", stored.Properties!.Value.GetProperty("sku").GetString());
        Assert.StartsWith("src_", stored.SourceId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RetriedBatch_StoresEachMessageOnce()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin);
        const string batch = """{"batch":[{"type":"identify","userId":"mem_1","messageId":"m-1","traits":{"email":"ana@example.com"}},{"type":"track","userId":"mem_1","event":"Signed Up","messageId":"m-2"}]}""";

        var first = await SendAsync(key, batch);
        var retry = await SendAsync(key, batch);

        Assert.Equal((2, 2), (first.Value.Accepted, first.Value.Stored));
        Assert.Equal((2, 0), (retry.Value.Accepted, retry.Value.Stored));
        Assert.Equal(["m-1", "m-2"], (await EventsOfAsync(admin)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task HandleAsync_BatchWithBadEvents_StoresTheGoodOnesAndNamesTheBad()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin);

        var outcome = await SendAsync(key, """{"batch":[{"type":"track","userId":"u1","event":"A"},{"type":"track","userId":"u1"},{"type":"nope","userId":"u1"},{"type":"page","anonymousId":"a1","name":"Home"}]}""");

        Assert.Equal(2, outcome.Value.Stored);
        Assert.Equal([1, 2], outcome.Value.Rejected.Select(r => r.Index));
        Assert.Equal(["track", "page"], (await EventsOfAsync(admin)).Select(e => e.Type));
    }

    [Fact]
    public async Task HandleAsync_UnknownWriteKey_IsRefusedAndStoresNothing()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin);

        var outcome = await SendAsync(key[..^2] + "xx", """{"userId":"u1","event":"A"}""", "track");

        Assert.Equal(IngestErrors.Unauthorized, outcome.ShouldFail().Code);
        Assert.Empty(await EventsOfAsync(admin));
    }

    [Fact]
    public async Task HandleAsync_BodyWithAByteOrderMark_IsRead()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin);
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"userId":"u1","event":"A"}""")];

        var outcome = await Get<IngestEvents>().HandleAsync("track", body, key, Ct);

        Assert.Equal(1, outcome.Value.Stored);
    }

    [Fact]
    public async Task CreateAsync_SourceForATenantThatDoesNotExist_IsNotFound()
    {
        var created = await Get<ManageSources>().CreateAsync(Caller.AdminOf(TenantId.New()), new CreateSourceRequest("web", null, null), Ct);

        Assert.Equal("marketing.unknown_tenant", created.ShouldFail().Code);
    }

    [Fact]
    public async Task ListAsync_AnotherTenantsEvents_AreNeverSeen()
    {
        var camden = await NewTenantAsync();
        var brixton = await NewTenantAsync();
        await SendAsync(await NewWriteKeyAsync(camden), """{"userId":"u1","event":"A","messageId":"same"}""", "track");
        await SendAsync(await NewWriteKeyAsync(brixton), """{"userId":"u2","event":"B","messageId":"same"}""", "track");

        Assert.Equal(["u1"], (await EventsOfAsync(camden)).Select(e => e.UserId));
        Assert.Equal(["u2"], (await EventsOfAsync(brixton)).Select(e => e.UserId));
    }

    [Fact]
    public async Task ListAsync_AfterASequence_PagesOnInOrder()
    {
        var admin = await NewTenantAsync();
        var key = await NewWriteKeyAsync(admin);
        for (var i = 0; i < 5; i++)
            await SendAsync(key, $$"""{"userId":"u1","event":"E{{i}}"}""", "track");

        var first = await Get<EventQueries>().ListAsync(admin, null, null, new PageQuery(2, null), Ct);
        var next = await Get<EventQueries>().ListAsync(admin, null, null, new PageQuery(2, first.NextAfter), Ct);

        Assert.Equal(["E0", "E1", "E2", "E3"], first.Items.Concat(next.Items).Select(e => e.Event));
        Assert.NotNull(next.NextAfter);
    }

    [Fact]
    public async Task OrderPlaced_InTheOrdersTransaction_BecomesAnOrderCompletedEventOfTheMember()
    {
        var admin = await NewTenantAsync();
        var order = OrderId.New();
        var member = MemberId.New();
        var placed = new OrderPlaced(admin.Tenant, order, member, null, SalesChannel.Web, FulfilmentType.ShipToHome, Money.Of(25.50m, Currency.Parse("GBP").Value).Value, ManualClock.TradingMorning);

        await Get<Database>().WriteAsync<Unit>(async session => { await session.PublishAsync(placed, Ct); return Unit.Value; }, Ct);

        var stored = Assert.Single(await EventsOfAsync(admin, member.Value));
        Assert.Equal(("track", "Order Completed", "commerce", "commerce"), (stored.Type, stored.Event, stored.SourceKind, stored.SourceId));
        Assert.Equal(order.Value, stored.Properties!.Value.GetProperty("order_id").GetString());
        Assert.Equal(25.50m, stored.Properties!.Value.GetProperty("total").GetDecimal());
        Assert.Equal(ManualClock.TradingMorning, stored.Timestamp);
    }

    [Fact]
    public async Task OrderStatusChanged_ToCancelled_BecomesAnOrderCancelledEvent()
    {
        var admin = await NewTenantAsync();
        var changed = new OrderStatusChanged(admin.Tenant, OrderId.New(), null, OrderStatus.Cancelled, ManualClock.TradingMorning);

        await Get<Database>().WriteAsync<Unit>(async session => { await session.PublishAsync(changed, Ct); return Unit.Value; }, Ct);

        Assert.Equal("Order Cancelled", Assert.Single(await EventsOfAsync(admin)).Event);
    }

    [Fact]
    public async Task OrdersTransactionRolledBack_LeavesNoCommerceEvent()
    {
        var admin = await NewTenantAsync();
        var changed = new OrderStatusChanged(admin.Tenant, OrderId.New(), null, OrderStatus.Cancelled, ManualClock.TradingMorning);

        await Get<Database>().WriteAsync<Unit>(async session =>
        {
            await session.PublishAsync(changed, Ct);
            return Error.Conflict("orders.test_failure", "The order's own write failed afterwards.");
        }, Ct);

        Assert.Empty(await EventsOfAsync(admin));
    }
}

public sealed class EventBankSqliteTests() : EventBankTests(DatabaseProvider.Sqlite);

public sealed class EventBankPostgresTests() : EventBankTests(DatabaseProvider.Postgres);
