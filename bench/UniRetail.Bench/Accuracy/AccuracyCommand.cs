using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace UniRetail.Bench.Accuracy;

/// <summary><c>accuracy [--shoppers N] [--seed N] [--postgres CONN]</c>.</summary>
internal static class AccuracyCommand
{
    private static readonly Option<string?> Postgres = new("--postgres") { Description = "Also run on PostgreSQL (a fresh schema, dropped afterwards)" };
    private static readonly Option<int> ShopperCount = new("--shoppers") { Description = "Labelled shoppers in the population", DefaultValueFactory = _ => 5_000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the population (the same seed, the same shoppers and events)", DefaultValueFactory = _ => 13 };

    public static Command Create()
    {
        var command = new Command("accuracy", "Identity resolution accuracy on a labelled population with hard cases: pairwise precision and recall, over-merged profiles and split shoppers, beside the projector's throughput")
        {
            Postgres, ShopperCount, Seed,
        };
        command.SetAction(async (result, ct) =>
        {
            var shoppers = result.GetValue(ShopperCount);
            if (shoppers < 100)
            {
                Console.Error.WriteLine("error: --shoppers must be at least 100");
                return 1;
            }
            var seed = result.GetValue(Seed);
            var postgres = result.GetValue(Postgres);
            var reports = new List<AccuracyReport>();
            await using (var sqlite = BenchDatabase.Sqlite())
                reports.Add(await AccuracyBenchmark.RunAsync(sqlite, shoppers, seed, Step, ct));
            if (postgres is not null)
            {
                await using var pg = await BenchDatabase.PostgresAsync(postgres, ct);
                reports.Add(await AccuracyBenchmark.RunAsync(pg, shoppers, seed, Step, ct));
            }
            foreach (var report in reports)
                Print(report);
            ProjectorCommand.Print(reports.Select(r => r.Projector).ToList(), "");
            Report.Command("accuracy", postgres, "--shoppers", shoppers.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture));
            return 0;
        });
        return command;
    }

    private static void Print(AccuracyReport report)
    {
        var table = new Table().Title($"Identity resolution accuracy — {report.Database}")
            .AddColumns("shoppers with…", "shoppers", "identifiers", "precision", "recall", "over-merged profiles", "split shoppers");
        foreach (var s in report.Scores)
        {
            table.AddRow(Markup.Escape(s.Group), N(s.Shoppers), N(s.Records), F(s.Precision), F(s.Recall), N(s.OverMergedProfiles), N(s.SplitShoppers));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{report.Database}: {N(report.Shoppers)} shoppers ({N(report.Members)} members), {N(report.Events)} events through the event API, " +
            $"{N(report.Orders)} orders placed for members; {N(report.Profiles)} profiles.");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);

    private static void Step(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
