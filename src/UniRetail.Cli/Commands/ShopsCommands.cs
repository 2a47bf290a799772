using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Spectre.Console;
using UniRetail.Cli.Shops;
using UniRetail.Network.Backtesting;
using UniRetail.Network.Replenishment;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail shops backtest | convert-m5</c>: the shop network's forecasting, measured on a sales file.</summary>
internal static class ShopsCommands
{
    public static Command Create() => new("shops", "Small shops on a platform: representatives, agreements, commission, demand forecasts, replenishment, assortment and display advice")
    {
        ShopsNetworkCommands.Rep(), ShopsNetworkCommands.Link(), ShopsNetworkCommands.Commission(), Advise(), ShopsAdviceCommands.Advice(), ShopsAdviceCommands.Refresh(), Backtest(), ConvertM5(),
        ShopsPickupCommands.PickupPoint(), ShopsPickupCommands.PickupPoints(), ShopsPickupCommands.Parcels(), ShopsPickupCommands.Fees(),
    };

    private static Command Advise()
    {
        var location = new Option<string>("--location") { Description = "The shop's location id (loc_…)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the suggested order as JSON" };
        var command = new Command("advise", "The suggested order for a shop's next delivery, SKU by SKU, with the forecast, safety stock and stock behind it")
            { ImportCommands.Tenant, location, json };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var suggested = await host.Get<AdviseReplenishment>().HandleAsync(caller, result.GetValue(location), ct);
            return CliOutput.Print(suggested, result.GetValue(json), advice =>
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("SKU").AddColumn(new TableColumn("order").RightAligned())
                    .AddColumn(new TableColumn("cases").RightAligned()).AddColumn("why");
                foreach (var line in advice.Lines)
                {
                    var w = line.Why;
                    table.AddRow(
                        Markup.Escape(line.Sku),
                        line.SuggestedUnits.ToString(CultureInfo.InvariantCulture),
                        $"{line.Cases} × {w.CasePack}",
                        Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"{w.Method}: {w.ForecastUnits:0.#} over {w.CoverDays} days + safety {w.SafetyStock:0.#} ({w.ServiceLevel:P0}) = {w.OrderUpTo}; on hand {w.OnHand}, on order {w.OnOrder}; min {w.MinimumUnits}")));
                }
                Console.WriteLine($"suggested order for {advice.LocationId} as of {advice.AsOf:yyyy-MM-dd} ({advice.Lines.Count} SKUs)");
                AnsiConsole.Write(table);
            });
        }, ct));
        return command;
    }

    private static Command Backtest()
    {
        var sales = new Option<FileInfo>("--sales") { Description = "CSV with the columns date,store,sku,units (one row per day with sales; .gz read as gzip)", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Days held out at the end of the file and forecast", DefaultValueFactory = _ => 28 };
        var serviceLevel = new Option<decimal>("--service-level") { Description = "Target chance of not running out in a cycle, for the replayed orders", DefaultValueFactory = _ => 0.95m };
        var leadTime = new Option<int>("--lead-time") { Description = "Days from order to delivery, for the replayed orders", DefaultValueFactory = _ => 2 };
        var cycle = new Option<int>("--cycle") { Description = "Days between deliveries (the review period), for the replayed orders", DefaultValueFactory = _ => 7 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("backtest",
            "Hold out the last --horizon days, forecast them per store and SKU (method chosen per series by its own backtest), "
            + "and report MASE against the seasonal and plain naive and the service level the suggested orders reach")
            { sales, horizon, serviceLevel, leadTime, cycle, json };
        command.SetAction(result =>
        {
            var file = result.GetValue(sales)!;
            if (!file.Exists)
                return CliOutput.Fail($"no such file: {file.FullName}");
            var clock = Stopwatch.StartNew();
            SalesHistory history;
            using (var stream = file.OpenRead())
            using (var decoded = file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream)
            using (var reader = new StreamReader(decoded))
            {
                var read = SalesHistory.Read(reader);
                if (!read.IsSuccess)
                    return CliOutput.Fail($"{file.Name} {read.Error.Message}");
                history = read.Value;
            }
            var readSeconds = clock.Elapsed.TotalSeconds;
            var options = new BacktestOptions(result.GetValue(horizon), result.GetValue(serviceLevel), result.GetValue(leadTime), result.GetValue(cycle));
            var report = SalesBacktest.Run(history, options);
            if (!report.IsSuccess)
                return CliOutput.Fail(report.Error);
            var seconds = clock.Elapsed.TotalSeconds;
            if (result.GetValue(json))
                CliOutput.WriteJson(new { report = report.Value, report.Value.ImprovementOnSeasonalNaive, readSeconds, seconds });
            else
                Print(report.Value, readSeconds, seconds);
            return CliOutput.Ok;
        });
        return command;
    }

    private static void Print(BacktestReport report, double readSeconds, double seconds)
    {
        var o = report.Options;
        Console.WriteLine($"{report.Rows:N0} rows, {report.Series:N0} series (store × SKU), {report.First:yyyy-MM-dd} to {report.Last:yyyy-MM-dd}; "
            + $"held out {report.HoldOutFrom:yyyy-MM-dd} to {report.Last:yyyy-MM-dd} ({o.Horizon} days)");
        Console.WriteLine($"scored {report.Scored:N0} series ({report.TooShort:N0} too short, {report.Flat:N0} flat in training); "
            + $"orders replayed every {o.CycleDays} days, lead time {o.LeadTimeDays} days, target service level {o.ServiceLevel:P1}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("method").AddColumn(new TableColumn("MASE sn").RightAligned())
            .AddColumn(new TableColumn("MASE n").RightAligned()).AddColumn(new TableColumn("vs sn").RightAligned())
            .AddColumn(new TableColumn("fill").RightAligned()).AddColumn(new TableColumn("stock").RightAligned())
            .AddColumn(new TableColumn("chosen").RightAligned());
        var baseline = report.SeasonalNaive.MaseSeasonal;
        foreach (var m in report.Methods)
        {
            table.AddRow(
                Markup.Escape(m.Method),
                m.MaseSeasonal.ToString("0.000", CultureInfo.InvariantCulture),
                m.MaseNaive.ToString("0.000", CultureInfo.InvariantCulture),
                baseline > 0 ? (1 - (m.MaseSeasonal / baseline)).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "-",
                m.FillRate.ToString("0.0%", CultureInfo.InvariantCulture),
                m.MeanStock.ToString("N0", CultureInfo.InvariantCulture),
                m.Chosen.ToString("N0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        Console.WriteLine("MASE sn / n: mean MASE scaled by the in-sample error of the seasonal naive (same weekday last week) / the naive (yesterday); "
            + "vs sn: improvement on the seasonal naive forecast; fill: units sold / wanted under the replayed orders; stock: mean units on hand a day, all series");
        Console.WriteLine($"whole file: method chosen per series, MASE {report.Chosen.MaseSeasonal:0.000} vs seasonal naive {baseline:0.000} "
            + $"({report.ImprovementOnSeasonalNaive:+0.0%;-0.0%}); fill rate {report.Chosen.FillRate:0.0%}; read {readSeconds:0.00} s, total {seconds:0.00} s");
    }

    private static Command ConvertM5()
    {
        var input = new Option<FileInfo>("--input") { Description = "The M5 subset's tiny_m5_subset_long.csv.gz", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "The sales file to write (date,store,sku,units)", Required = true };
        var command = new Command("convert-m5", "Convert the M5 subset's long file into a sales file for `shops backtest`") { input, output };
        command.SetAction(result =>
        {
            var from = result.GetValue(input)!;
            if (!from.Exists)
                return CliOutput.Fail($"no such file: {from.FullName}");
            try
            {
                using var writer = new StreamWriter(result.GetValue(output)!.FullName);
                var (read, written) = M5Conversion.Convert(from.FullName, writer);
                Console.WriteLine($"{read:N0} rows read, {written:N0} days with sales written");
                return CliOutput.Ok;
            }
            catch (InvalidDataException ex)
            {
                return CliOutput.Fail(ex.Message);
            }
        });
        return command;
    }
}
