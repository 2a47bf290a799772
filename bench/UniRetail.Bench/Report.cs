using System.Globalization;
using Npgsql;
using Spectre.Console;

namespace UniRetail.Bench;

/// <summary>Prints the results as Markdown-bordered tables (they paste into docs/benchmarks.md) and the command that reproduces them.</summary>
internal static class Report
{
    public static void Orders(IReadOnlyList<OrdersReport> reports)
    {
        var table = Table("Database", "Callers", "Orders/s", "p50 ms", "p99 ms", "Ceiling orders/s", "Ratio", "CPU cores", "Failed");
        foreach (var report in reports)
        {
            foreach (var level in report.Levels)
            {
                var r = level.Result;
                table.AddRow(report.Database, N(level.Callers), N(r.PerSecond), F(r.P50Ms, 2), F(r.P99Ms, 2), N(report.Ceiling.PerSecond),
                    F(r.PerSecond / report.Ceiling.PerSecond, 2), F(r.CpuCores, 2), N(r.Failures.Values.Sum()));
            }
        }
        AnsiConsole.Write(table);
        foreach (var report in reports)
        {
            Console.WriteLine($"{report.Database}: ceiling {N(report.Ceiling.PerSecond)} orders/s (bare loop, 13 prepared writes + 1 commit per order); " +
                $"fsync-bound {N(report.CommitsPerSecond)} minimal commits/s.");
            foreach (var (level, failure) in report.Levels.SelectMany(l => l.Result.Failures.Select(f => (l.Callers, f))))
                Console.WriteLine($"  {level} callers: {failure.Value} × {failure.Key}");
        }
        foreach (var report in reports.Where(r => r.Profile is not null))
            Profile(report);
    }

    public static void FlashSales(IReadOnlyList<FlashSaleReport> reports)
    {
        var table = Table("Database", "Buyers", "Units", "Sold", "Attempts/s", "p50 ms", "p99 ms", "Rejected (by code)", "Ledger", "Oversold", "Verdict");
        foreach (var r in reports)
        {
            var rejected = string.Join(", ", r.Result.Failures.OrderByDescending(f => f.Value).Select(f => $"{N(f.Value)} {f.Key}"));
            table.AddRow(r.Database, N(r.Result.Calls), N(r.Units), N(r.Result.Succeeded), N(r.Result.PerSecond), F(r.Result.P50Ms, 1), F(r.Result.P99Ms, 1),
                Markup.Escape(rejected), r.LedgerConsistent ? $"consistent ({N(r.LevelsChecked)} levels)" : "MISMATCH", N(r.Oversold), r.Passed ? "pass" : "FAIL");
        }
        AnsiConsole.Write(table);
        foreach (var r in reports)
            Console.WriteLine($"{r.Database}: {N(r.OrderLines)} order lines for the SKU; its DC level: on hand {N(r.OnHand)}, reserved {N(r.Reserved)}.");
    }

    public static void Ingest(IReadOnlyList<IngestReport> reports)
    {
        var table = Table("Database", "Senders", "Events/s", "Requests/s", "p50 ms", "p99 ms", "Ceiling events/s", "Ratio", "CPU cores", "Failed");
        foreach (var report in reports)
        {
            foreach (var level in report.Levels)
            {
                var r = level.Result;
                table.AddRow(report.Database, N(level.Senders), N(level.EventsPerSecond), N(r.PerSecond), F(r.P50Ms, 2), F(r.P99Ms, 2),
                    N(report.CeilingEventsPerSecond), F(level.EventsPerSecond / report.CeilingEventsPerSecond, 2), F(r.CpuCores, 2), N(r.Failures.Values.Sum()));
            }
        }
        AnsiConsole.Write(table);
        foreach (var report in reports)
        {
            Console.WriteLine($"{report.Database}: {report.BatchSize} events per /v1/batch request; ceiling {N(report.CeilingEventsPerSecond)} events/s (bare loop, " +
                $"prepared INSERT, one transaction per {report.BatchSize} rows); acknowledged {N(report.Sent)} events, stored {N(report.Stored)} " +
                (report.AllStored ? "(each exactly once)." : "(MISMATCH)."));
            foreach (var (senders, failure) in report.Levels.SelectMany(l => l.Result.Failures.Select(f => (l.Senders, f))))
                Console.WriteLine($"  {senders} senders: {failure.Value} × {Markup.Escape(failure.Key)}");
        }
    }

    public static void Command(string verb, string? postgres, params string[] options)
    {
        var parts = new List<string> { "dotnet run -c Release --project bench/UniRetail.Bench --", verb };
        parts.AddRange(options);
        if (!string.IsNullOrWhiteSpace(postgres))
            parts.Add($"--postgres \"{Redacted(postgres)}\"");
        Console.WriteLine();
        Console.WriteLine($"Reproduce: {string.Join(' ', parts)}");
        var load = File.Exists("/proc/loadavg") ? $"; load average {File.ReadAllText("/proc/loadavg").Trim()}" : "";
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; " +
            $"{DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}{load}");
    }

    private static void Profile(OrdersReport report)
    {
        var p = report.Profile!;
        var lane = p.Lane;
        var sizes = lane.BatchSizes.Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"{report.Database} profile, 64 callers: {N(p.Probed.PerSecond)} orders/s with the probe; {N(p.WithoutKeys.PerSecond)} orders/s without " +
            $"Idempotency-Keys (no replay read); bare loop with a new command per statement (as Dapper runs them): {N(p.Unprepared.PerSecond)} orders/s.");
        if (sizes.Count > 0)
        {
            Console.WriteLine($"  group commit: {N(sizes.Count)} batches for {N(lane.Orders)} orders; orders per commit: mean {F(lane.Orders / (double)sizes.Count, 1)}, " +
                $"p50 {sizes[sizes.Count / 2]}, p90 {sizes[(int)(sizes.Count * 0.9)]}, max {sizes[^1]}.");
        }
        Console.WriteLine($"  writer lane time per order: {F(lane.LaneMicrosPerOrder, 0)} µs" +
            (lane.Statements.Count > 0 ? " (everything the lane does, idle included)" : " (between two orders of one batch, per lane)"));
        if (lane.Statements.Count == 0)
            return;
        var bare = report.Ceiling.Statements.ToDictionary(s => s.Statement, s => s.MicrosEach, StringComparer.Ordinal);
        var fresh = p.Unprepared.Statements.ToDictionary(s => s.Statement, s => s.MicrosEach, StringComparer.Ordinal);
        var table = Table("Statement on the writer lane", "Per order", "Lane µs/order", "µs each", "Bare loop µs each (prepared)", "Bare loop µs each (new command)");
        foreach (var s in lane.Statements)
        {
            table.AddRow(s.Statement, F(s.Count / (double)lane.Orders, 2), F(s.LaneMicros / lane.Orders, 1), F(s.LaneMicros / s.Count, 1),
                bare.TryGetValue(s.Statement, out var b) ? F(b, 1) : "", fresh.TryGetValue(s.Statement, out var f) ? F(f, 1) : "");
        }
        AnsiConsole.Write(table);
    }

    private static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Markdown);
        foreach (var column in columns)
            table.AddColumn(new TableColumn(column).RightAligned());
        table.Columns[0].LeftAligned();
        return table;
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
            builder.Password = "***";
        return builder.ConnectionString;
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString($"F{decimals}", CultureInfo.InvariantCulture);
}
