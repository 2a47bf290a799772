using System.CommandLine;
using Spectre.Console;
using UniRetail.Bench;

// Redirected output (CI logs, docs) still gets whole table rows rather than ones wrapped at 80 columns.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 220;

var root = new RootCommand("UniRetail benchmarks: place-order throughput, a flash sale and event ingestion, on SQLite and PostgreSQL")
{
    BenchCommands.Orders(),
    BenchCommands.FlashSale(),
    BenchCommands.Ingest(),
    BenchCommands.All(),
};
return await root.Parse(args).InvokeAsync();
