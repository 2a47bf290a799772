using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using UniRetail.Cli.OnlineRetail;

namespace UniRetail.Bench;

/// <summary><c>projector [--people N] [--file online_retail.csv.gz] [--aipl off|on|both] [--postgres CONN]</c>.</summary>
internal static class ProjectorCommand
{
    private static readonly Option<string?> Postgres = new("--postgres") { Description = "Also run on PostgreSQL (a fresh schema, dropped afterwards)" };
    private static readonly Option<int> People = new("--people") { Description = "People in the synthetic stream (11 events and a merge each)", DefaultValueFactory = _ => 20_000 };
    private static readonly Option<string?> File = new("--file") { Description = "online_retail.csv.gz; found under ../shared/data when not given" };
    private static readonly Option<string> Aipl = new("--aipl")
    {
        Description = "Project with AIPL off, on, or both (off first, then on, each stream into a tenant of its own); one alone is for a profiler",
        DefaultValueFactory = _ => "both",
    };

    public static Command Create()
    {
        var command = new Command("projector", "Profile projector throughput (events/s) on the Online Retail import and a synthetic stream, beside a bare read of the same events")
        {
            Postgres, People, File, Aipl,
        };
        Aipl.AcceptOnlyFromAmong("off", "on", "both");
        command.SetAction(async (result, ct) =>
        {
            var people = result.GetValue(People);
            var file = result.GetValue(File) ?? OnlineRetailFile.Locate();
            var postgres = result.GetValue(Postgres);
            var aipl = result.GetValue(Aipl)!;
            bool[] settings = aipl switch { "off" => [false], "on" => [true], _ => [false, true] };
            var reports = (await BenchDatabase.OnEachAsync(postgres, db => ProjectorBenchmark.RunAsync(db, file, people, settings, ct), ct)).SelectMany(r => r).ToList();
            Print(reports, file);
            var options = new List<string> { "--people", people.ToString(CultureInfo.InvariantCulture) };
            if (aipl != "both")
                options.AddRange(["--aipl", aipl]);
            Report.Command("projector", postgres, [.. options]);
            return 0;
        });
        return command;
    }

    public static void Print(IReadOnlyList<ProjectorReport> reports, string? file)
    {
        var table = new Table().Title("Profile projector").AddColumns("database", "stream", "AIPL", "events", "profiles", "merges", "seconds", "events/s", "bare read events/s", "ratio", "CPU s", "bare read CPU s");
        foreach (var r in reports)
        {
            table.AddRow(r.Database, Markup.Escape(r.Stream), r.Aipl ? "on" : "off", N(r.Events), N(r.Profiles), N(r.Merges), r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
                N((long)r.EventsPerSecond), N((long)r.CeilingPerSecond), r.Ratio.ToString("F2", CultureInfo.InvariantCulture),
                r.Cpu.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture), r.CeilingCpu.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        // AIPL's cost: each stream's events/s with AIPL on against off, by the wall clock and by the CPU the projection used.
        foreach (var on in reports.Where(r => r.Aipl))
        {
            if (reports.FirstOrDefault(r => !r.Aipl && r.Database == on.Database && r.Stream == on.Stream) is { } off)
                Console.WriteLine($"{on.Database}, {on.Stream}: AIPL on/off {(on.EventsPerSecond / off.EventsPerSecond).ToString("F2", CultureInfo.InvariantCulture)} by events/s, " +
                    $"{(off.Cpu / on.Cpu).ToString("F2", CultureInfo.InvariantCulture)} by CPU time");
        }
        if (file is null)
            AnsiConsole.MarkupLine("[yellow]online_retail.csv.gz not found (looked for ../shared/data/online-retail from here up): only the synthetic stream ran.[/]");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
