using UniRetail.Cli.OnlineRetail;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Contracts;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary>The import of <c>Fixtures/online_retail_sample.csv</c>: 22 lines of the data set's shapes, with their expected counts.</summary>
public abstract class OnlineRetailImportTests(DatabaseProvider provider) : ImportTest(provider)
{
    private async Task<OnlineRetailSummary> ImportAsync(TenantId tenant)
    {
        await using var file = File.OpenRead(SampleFile);
        var imported = await Importer().RunAsync(tenant, file, null, Ct);
        Assert.True(imported.IsSuccess, imported.Error?.Message);
        return imported.Value;
    }

    private async Task<IReadOnlyList<EventView>> EventsAsync(TenantId tenant) =>
        (await Get<EventQueries>().ListAsync(Caller.AdminOf(tenant), null, null, new PageQuery(500, null), Ct)).Items;

    [Fact]
    public async Task RunAsync_Fixture_CountsLinesCustomersAndInvoices()
    {
        var summary = await ImportAsync(await NewTenantAsync());

        Assert.Equal(22, summary.LinesRead);
        Assert.Equal(6, summary.LinesSkipped);
        Assert.Equal(3, summary.SkippedLines[OnlineRetailBook.BadRow]);
        Assert.Equal(2, summary.SkippedLines[OnlineRetailBook.ZeroPrice]);
        Assert.Equal(1, summary.SkippedLines[OnlineRetailBook.BadDebt]);
        Assert.Equal(["line 15: Quantity 'abc' is not a whole number", "line 16: 2 fields instead of 8", "line 17: malformed CSV (StrayQuote)"], summary.BadRows.Order());
        Assert.Equal((4, 4, 0), (summary.Customers, summary.MembersCreated, summary.MembersExisting));
        Assert.Equal((8, 4, 1, 1, 3), (summary.Invoices, summary.Orders, summary.Cancellations, summary.AnonymousInvoices, summary.InvoicesWithoutGoods));
        Assert.Equal((222.59m, 4.65m), (summary.Revenue, summary.Refunded));
        Assert.Equal((9, 9, 0), (summary.EventsSent, summary.EventsStored, summary.EventsAlreadyPresent));
        Assert.Empty(summary.EventsRejected);
        Assert.Equal(("web", OnlineRetailImport.SourceName, true), (summary.Source.Kind, summary.Source.Name, summary.SourceCreated));
    }

    [Fact]
    public async Task RunAsync_Fixture_StoresSegmentEcommerceEvents()
    {
        var tenant = await NewTenantAsync();
        var summary = await ImportAsync(tenant);
        var events = await EventsAsync(tenant);
        var member17850 = await Get<IMemberDirectory>().FindByIdentifierAsync(tenant, IdentifierKind.External, "online-retail:17850", Ct);

        Assert.All(events, e => Assert.Equal((summary.Source.SourceId, "web"), (e.SourceId, e.SourceKind)));
        Assert.Equal(
            ["identify 17850", "identify 15311", "identify 12347", "identify 14852", "Order Completed 17850", "Order Completed 17850",
             "Order Refunded 15311", "Order Completed online-retail:visitor:536555", "Order Completed 14852"],
            events.Select(e => $"{e.Event ?? e.Type} {e.UserId ?? e.AnonymousId}"));

        var identify = events[0];
        Assert.Equal("online-retail:customer:17850", identify.MessageId);
        Assert.Equal(member17850!.Value.Value, identify.Traits!.Value.GetProperty("member_id").GetString());
        Assert.Equal("United Kingdom", identify.Traits.Value.GetProperty("country").GetString());

        var order = events.Single(e => e.MessageId == "online-retail:invoice:536365");
        var properties = order.Properties!.Value;
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), order.Timestamp);
        Assert.Equal(("536365", 139.12m, 139.12m, "GBP"), (properties.GetProperty("order_id").GetString(), properties.GetProperty("revenue").GetDecimal(),
            properties.GetProperty("total").GetDecimal(), properties.GetProperty("currency").GetString()));
        Assert.Equal(member17850.Value.Value, properties.GetProperty("member_id").GetString());
        var first = properties.GetProperty("products")[0];
        Assert.Equal(7, properties.GetProperty("products").GetArrayLength());
        Assert.Equal(("85123A", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55m, 6), (first.GetProperty("product_id").GetString(),
            first.GetProperty("sku").GetString(), first.GetProperty("name").GetString(), first.GetProperty("price").GetDecimal(), first.GetProperty("quantity").GetInt32()));

        var summer = events.Single(e => e.MessageId == "online-retail:invoice:556814");
        Assert.Equal(new DateTimeOffset(2011, 6, 15, 7, 34, 0, TimeSpan.Zero), summer.Timestamp);
        Assert.Equal(58.30m, summer.Properties!.Value.GetProperty("revenue").GetDecimal());
        Assert.Equal("JAM MAKING SET, WITH JARS", summer.Properties.Value.GetProperty("products")[3].GetProperty("name").GetString());

        var refund = events.Single(e => e.Event == "Order Refunded");
        Assert.Equal(("C536383", 4.65m, 1), (refund.Properties!.Value.GetProperty("order_id").GetString(),
            refund.Properties.Value.GetProperty("total").GetDecimal(), refund.Properties.Value.GetProperty("products")[0].GetProperty("quantity").GetInt32()));
        Assert.False(refund.Properties.Value.TryGetProperty("revenue", out _));

        var anonymous = events.Single(e => e.MessageId == "online-retail:invoice:536555");
        Assert.Null(anonymous.UserId);
        Assert.False(anonymous.Properties!.Value.TryGetProperty("member_id", out _));
        Assert.Equal(2.97m, anonymous.Properties.Value.GetProperty("revenue").GetDecimal());
    }

    [Fact]
    public async Task RunAsync_ThenProjected_GivesAProfilePerCustomerAndVisitorWithTheirOrders()
    {
        var tenant = await NewTenantAsync();
        await ImportAsync(tenant);

        await Get<ProfileProjector>().CatchUpAsync(Ct);

        var admin = Caller.AdminOf(tenant);
        var queries = Get<ProfileQueries>();
        Assert.Equal(5, await queries.CountAsync(admin, Ct));
        var customer = (await queries.FindAsync(admin, "user_id", "17850", Ct)).Value;
        Assert.Single(customer.MemberIds);
        Assert.Equal((2L, 0L), (customer.Aggregates!.Orders, customer.Aggregates.Refunds));
        Assert.Equal(161.32m, Assert.Single(customer.Aggregates.Revenue).Amount);
        Assert.Equal("\"United Kingdom\"", customer.Traits!["country"].Value.GetRawText());
        var timeline = (await queries.TimelineAsync(admin, customer.ProfileId, PageQuery.First, Ct)).Value.Items;
        Assert.Equal([("Order Completed", "536366"), ("Order Completed", "536365"), ("identify", "")],
            timeline.Select(e => (e.Event ?? e.Type, e.Properties?.GetProperty("order_id").GetString() ?? "")));
        var refunded = (await queries.FindAsync(admin, "user_id", "15311", Ct)).Value;
        Assert.Equal((0L, 1L, -4.65m), (refunded.Aggregates!.Orders, refunded.Aggregates.Refunds, Assert.Single(refunded.Aggregates.Revenue).Amount));
        Assert.Equal(1, (await queries.FindAsync(admin, "anonymous_id", "online-retail:visitor:536555", Ct)).Value.Aggregates!.Orders);
    }

    [Fact]
    public async Task RunAsync_Twice_StoresNoEventAndCreatesNoMemberTheSecondTime()
    {
        var tenant = await NewTenantAsync();
        var first = await ImportAsync(tenant);

        var again = await ImportAsync(tenant);

        Assert.Equal((0, 4), (again.MembersCreated, again.MembersExisting));
        Assert.Equal((9, 0, 9), (again.EventsSent, again.EventsStored, again.EventsAlreadyPresent));
        Assert.Equal((first.Source.SourceId, false), (again.Source.SourceId, again.SourceCreated));
        Assert.Equal(9, (await EventsAsync(tenant)).Count);
        var sources = await Get<ManageSources>().ListAsync(Caller.AdminOf(tenant), PageQuery.First, Ct);
        Assert.Single(sources.Items);
    }

    [Fact]
    public async Task RunAsync_UnknownTenant_FailsBeforeReading()
    {
        await using var file = File.OpenRead(SampleFile);

        var imported = await Importer().RunAsync(TenantId.New(), file, null, Ct);

        Assert.Equal("marketing.unknown_tenant", imported.Error?.Code);
    }
}

public sealed class OnlineRetailImportSqliteTests() : OnlineRetailImportTests(DatabaseProvider.Sqlite);

public sealed class OnlineRetailImportPostgresTests() : OnlineRetailImportTests(DatabaseProvider.Postgres);
