using UniRetail.Kernel;
using UniRetail.Network.Backtesting;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Network.Tests;

public sealed class SalesFileTests
{
    private static Result<SalesHistory> Read(string csv) => SalesHistory.Read(new StringReader(csv));

    [Fact]
    public void Read_RowsOfSalesDays_MakesDenseSeriesWithZeroDays()
    {
        var history = Read("date,store,sku,units\n2024-01-01,S1,A,3\n2024-01-04,S1,A,2\n2024-01-02,S2,A,1\n2024-01-04,S1,A,1\n").Value;

        Assert.Equal(4, history.Rows);
        Assert.Equal(new DateOnly(2024, 1, 4), history.Last);
        var a = history.Series.Single(s => s.Store == "S1");
        Assert.Equal(new double[] { 3, 0, 0, 3 }, a.Units);
        var b = history.Series.Single(s => s.Store == "S2");
        Assert.Equal(new DateOnly(2024, 1, 2), b.First);
        Assert.Equal(new double[] { 1, 0, 0 }, b.Units);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithExtras_AreFound()
    {
        var history = Read("units,sku,price,store,date\n5,A,1.00,S1,2024-02-01\n").Value;

        Assert.Equal(5, history.Series.Single().Units[0]);
    }

    [Theory]
    [InlineData("date,store,sku,units\n2024-01-01,S1,A,3\n2024-13-01,S1,A,3\n", "network.sales_file_bad_date", "line 3:")]
    [InlineData("date,store,sku,units\n2024-01-01,S1,A,3\n2024-01-02,S1,A,-1\n", "network.sales_file_bad_units", "line 3:")]
    [InlineData("date,store,sku,units\n2024-01-01,S1,A,2.5\n", "network.sales_file_bad_units", "line 2:")]
    [InlineData("date,store,units\n2024-01-01,S1,3\n", "network.sales_file_missing_column", "line 1:")]
    [InlineData("date,store,sku,units\n2024-01-01,,A,3\n", "network.sales_file_bad_key", "line 2:")]
    [InlineData("", "network.sales_file_empty", "line 1:")]
    public void Read_BadRow_FailsNamingTheLine(string csv, string code, string line)
    {
        var error = Read(csv).ShouldFail();

        Assert.Equal(code, error.Code);
        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeasonalSeriesFile_BeatsTheSeasonalNaiveAndReportsEveryMethod()
    {
        var csv = new StringWriter();
        csv.WriteLine("date,store,sku,units");
        var random = new Random(5);
        double[] week = [4, 5, 6, 8, 12, 15, 9];
        for (var store = 0; store < 4; store++)
        {
            for (var day = 0; day < 300; day++)
            {
                var units = Math.Max(0, (int)Math.Round(week[day % 7] + ((random.NextDouble() - 0.5) * 6)));
                csv.WriteLine($"{new DateOnly(2024, 1, 1).AddDays(day):yyyy-MM-dd},S{store},A,{units}");
            }
        }

        var report = SalesBacktest.Run(Read(csv.ToString()).Value, new BacktestOptions(Horizon: 28)).Value;

        Assert.Equal(4, report.Scored);
        Assert.Equal(new DateOnly(2024, 1, 1).AddDays(300 - 28), report.HoldOutFrom);
        Assert.Contains(report.Methods, m => m.Method == "croston");
        Assert.True(report.ImprovementOnSeasonalNaive > 0.15, $"improvement {report.ImprovementOnSeasonalNaive:P1}");
        Assert.True(report.Chosen.FillRate > 0.9, $"fill rate {report.Chosen.FillRate:P1}");
        Assert.Equal(1.0, report.SeasonalNaive.MaseSeasonal, 0.35);
    }

    [Fact]
    public void Run_FileShorterThanTheHoldOutAndAFit_FailsAtTheHorizon()
    {
        var history = Read("date,store,sku,units\n2024-01-01,S1,A,3\n2024-02-01,S1,A,3\n").Value;

        var error = SalesBacktest.Run(history, new BacktestOptions(Horizon: 28)).ShouldFail();

        Assert.Equal("network.sales_file_too_short", error.Code);
    }
}
