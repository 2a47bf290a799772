using System.Globalization;
using System.IO.Compression;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Projection;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary>
/// AIPL of the whole UCI Online Retail file imported through the event API (SQLite only, like the data-set test: the
/// import is half a million lines), against counts this test computes from the file on its own: every customer, and every
/// invoice without a customer, is a person; an invoice with a line sold at a price, not a cancellation (C) or a bad-debt
/// adjustment (A), is a purchase on its day.
/// </summary>
public sealed class OnlineRetailAiplTests() : ImportTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Aipl_On9December2011_PurchasedAndLoyalAreTheFilesCounts_AndTheBacktestRuns()
    {
        var path = OnlineRetailFile.Locate();
        if (path is null)
            Assert.Skip($"The data set is not here: {OnlineRetailFile.RelativePath} was not found above the working folder.");
        var tenant = await NewTenantAsync();
        await using (var file = File.OpenRead(path))
            Assert.True((await Importer().RunAsync(tenant, file, null, Ct)).IsSuccess);
        await Get<ProfileProjector>().CatchUpAsync(Ct);
        var admin = Caller.AdminOf(tenant);

        var counts = (await Get<AiplQueries>().CountsAsync(admin, null, "2011-12-09", Ct)).Value;

        var (purchased, loyal) = CountFromFile(path, new DateOnly(2011, 12, 9));
        Assert.Equal(purchased, counts.Stages.Single(s => s.Stage == "purchased").People);
        Assert.Equal(loyal, counts.Stages.Single(s => s.Stage == "loyal").People);
        Assert.Equal(0, counts.Stages.Single(s => s.Stage == "aware").People);

        var backtest = await Get<ConsumerAssetsForecasts>().BacktestAsync(admin, "2011-08-31", 3, null, Ct);
        Assert.True(backtest.IsSuccess, backtest.Error?.Message);
        Assert.Equal(["2011-09", "2011-10", "2011-11"], backtest.Value.Months.Select(m => m.Month));
        Assert.All(backtest.Value.Months, m => Assert.True(m.Actual > 0 && m.Forecast > 0 && m.Low <= m.Forecast && m.Forecast <= m.High));
        Assert.NotNull(backtest.Value.Mape);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", backtest.Value.Months.Select(m => $"{m.Month} actual {m.Actual} forecast {m.Forecast} naive {m.SeasonalNaive} trend {m.LinearTrend}"))
            + $"\nMAPE {backtest.Value.Mape} naive {backtest.Value.SeasonalNaiveMape} trend {backtest.Value.LinearTrendMape}");
    }

    /// <summary>Purchased (not Loyal) and Loyal people on a day: Loyal buys on two or more days within 365 days, Purchased within 913.</summary>
    private static (long Purchased, long Loyal) CountFromFile(string path, DateOnly day)
    {
        var days = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = Fields(line);
            var invoice = fields[0];
            // Cancellations are refunds; a line at no price and the 'A' bad-debt adjustments are no sale (the import skips them).
            if (invoice.StartsWith('C') || invoice.StartsWith('A') || decimal.Parse(fields[5], CultureInfo.InvariantCulture) == 0)
                continue;
            var date = DateOnly.FromDateTime(DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            var person = fields[6].Length > 0 ? fields[6] : "invoice " + invoice;
            if (!days.TryGetValue(person, out var set))
                days[person] = set = [];
            set.Add(date);
        }
        long purchased = 0, loyal = 0;
        foreach (var set in days.Values)
        {
            if (set.Count(d => d <= day && d >= day.AddDays(-365)) >= 2)
                loyal++;
            else if (set.Any(d => d <= day && d >= day.AddDays(-913)))
                purchased++;
        }
        return (purchased, loyal);
    }

    /// <summary>A CSV line's fields: quoted fields may hold commas and doubled quotes.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>(8);
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
