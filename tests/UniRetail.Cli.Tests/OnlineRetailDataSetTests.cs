using UniRetail.Cli.OnlineRetail;
using UniRetail.Data;
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

        var imported = await Importer().RunAsync(await NewTenantAsync(), file, null, Ct);

        var summary = imported.Value;
        Assert.Equal(541_909, summary.LinesRead);
        Assert.Equal((4_372, 4_372), (summary.Customers, summary.MembersCreated));
        Assert.Equal((25_900, 3_836), (summary.Invoices, summary.Cancellations));
        Assert.Equal(summary.Customers + summary.Orders + summary.Cancellations, summary.EventsStored);
        Assert.Empty(summary.EventsRejected);
    }
}
