using UniRetail.Cli.OnlineRetail;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary>The whole UCI Online Retail file (from <c>../shared/data</c>), on SQLite only: the counts the data set is known by.</summary>
public sealed class OnlineRetailDataSetTests() : ImportTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task RunAsync_WholeDataSet_Has4372CustomersAnd25900Invoices()
    {
        var path = OnlineRetailFile.Locate();
        if (path is null)
            Assert.Skip($"The data set is not here: {OnlineRetailFile.RelativePath} was not found above the working folder.");
        await using var file = File.OpenRead(path);

        var tenant = await NewTenantAsync();
        var imported = await Importer().RunAsync(tenant, file, null, Ct);

        var summary = imported.Value;
        Assert.Equal(541_909, summary.LinesRead);
        Assert.Equal((4_372, 4_372), (summary.Customers, summary.MembersCreated));
        Assert.Equal((25_900, 3_836), (summary.Invoices, summary.Cancellations));
        Assert.Equal(summary.Customers + summary.Orders + summary.Cancellations, summary.EventsStored);
        Assert.Empty(summary.EventsRejected);

        // Projected: one person per customer and per anonymous invoice; customer 12347 as the data set knows them.
        Assert.Equal(summary.EventsStored, await Get<ProfileProjector>().CatchUpAsync(Ct));
        var queries = Get<ProfileQueries>();
        var admin = Caller.AdminOf(tenant);
        Assert.Equal(4_372 + 1_609, await queries.CountAsync(admin, Ct));
        var customer = (await queries.FindAsync(admin, "user_id", "12347", Ct)).Value;
        Assert.Equal((7L, 4_310.00m), (customer.Aggregates!.Orders, Assert.Single(customer.Aggregates.Revenue).Amount));
        Assert.Equal(7, (await queries.TimelineAsync(admin, customer.ProfileId, PageQuery.First, Ct)).Value.Items.Count(e => e.Event == "Order Completed"));
    }
}
