using System.CommandLine;
using Spectre.Console;
using UniRetail.Bench;
using UniRetail.Bench.Accuracy;

// Redirected output (CI logs, docs) still gets whole table rows rather than ones wrapped at 80 columns.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 220;

var root = new RootCommand("UniRetail benchmarks: place-order throughput, a flash sale, event ingestion, the profile projector and identity resolution accuracy, on SQLite and PostgreSQL")
{
    BenchCommands.Orders(),
    BenchCommands.FlashSale(),
    BenchCommands.Ingest(),
    BenchCommands.All(),
    ProjectorCommand.Create(),
    AiplSnapshotBenchmark.Create(),
    AccuracyCommand.Create(),
    LoyaltyBenchmark.Create(),
    PromotionsBenchmark.Create(),
    ReplenishmentBenchmark.Create(),
    AdviceBenchmark.Create(),
    OrderBenefitsBenchmark.Create(),
    ConsoleScaleBenchmark.Create(),
    TillCheckoutBenchmark.Create(),
    ComplementsEvaluation.Create(),
};
return await root.Parse(args).InvokeAsync();
