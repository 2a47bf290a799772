using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Spectre.Console;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>What one daily snapshot cost on one engine.</summary>
internal sealed record AiplSnapshotReport(
    string Database, int Profiles, long DayRows, TimeSpan Fill, TimeSpan Snapshot, TimeSpan Ceiling, long AllocatedBytes, long WorkingSetGrowth, long PeakWorkingSet,
    long Counted, int Categories)
{
    public double Ratio => Snapshot / Ceiling;
}

/// <summary>
/// The daily AIPL snapshot (<see cref="DailySnapshots"/>, what the server's timer takes for each tenant and finished day) over
/// many profiles. The day rows are written straight into <c>marketing_aipl_day</c> by one INSERT … SELECT (the projector
/// would take minutes to make them from events): five rows a person — the brand on a day in the last 30, 30–329 and
/// 330–899 days, one of 40 categories on the first two — with exposures, engagements and purchases spread so every stage
/// is filled. The ceiling is a bare count of the same rows (the range the snapshot reads), in the same run.
/// </summary>
internal static class AiplSnapshotBenchmark
{
    public const int RowsPerProfile = 5;
    public const int Categories = 40;

    public static async Task<AiplSnapshotReport> RunAsync(BenchDatabase database, int profiles, Action<string> step, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        var tenant = (await host.Get<CreateTenant>().HandleAsync("Bench AIPL snapshot", "GBP", ct)).Value.TenantId;
        var day = AiplStages.DayOf(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - 1;
        step($"{database.Name}: {profiles:N0} profiles, {profiles * (long)RowsPerProfile:N0} AIPL day rows");
        var filling = Stopwatch.StartNew();
        long rows;
        await using (var connection = await database.OpenRawAsync(ct))
        {
            rows = await connection.ExecuteAsync(new CommandDefinition(FillSql, new { Tenant = tenant.Value, Profiles = profiles, Day = day }, commandTimeout: 0, cancellationToken: ct));
            if (database.Provider == UniRetail.Data.DatabaseProvider.Postgres)
                await connection.ExecuteAsync(new CommandDefinition("ANALYZE marketing_aipl_day", commandTimeout: 0, cancellationToken: ct));
        }
        filling.Stop();

        step($"{database.Name}: ceiling, a bare count of the rows a snapshot reads");
        var rules = AiplRules.Default;
        var ceiling = Stopwatch.StartNew();
        await using (var connection = await database.OpenRawAsync(ct))
        {
            var read = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM marketing_aipl_day WHERE tenant_id = @Tenant AND day >= @From AND day <= @Day",
                new { Tenant = tenant.Value, From = day - rules.LongestDays, Day = day }, commandTimeout: 0, cancellationToken: ct));
            if (read != rows)
                throw new InvalidOperationException($"The ceiling read {read} rows, the fill wrote {rows}.");
        }
        ceiling.Stop();

        step($"{database.Name}: the snapshot of {AiplStages.DateOf(day):yyyy-MM-dd}");
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new WorkingSetSampler(process);
        var snapshotting = Stopwatch.StartNew();
        if (!await host.Get<DailySnapshots>().TakeAsync(tenant, day, ct))
            throw new InvalidOperationException("The snapshot was already kept.");
        snapshotting.Stop();
        var peak = await sampler.StopAsync();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var kept = (await host.Get<AiplQueries>().HistoryAsync(Caller.AdminOf(tenant), null, Date(day), Date(day), ct)).Value.Single();
        var categories = await host.Get<UniRetail.Data.Database>().ReadAsync(c => c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM marketing_aipl_snapshot WHERE tenant_id = @Tenant AND day = @Day", new { Tenant = tenant.Value, Day = day }), ct);
        var report = new AiplSnapshotReport(database.Name, profiles, rows, filling.Elapsed, snapshotting.Elapsed, ceiling.Elapsed, allocated, peak - before, peak, kept.Total, categories);
        // Each engine's figures as soon as they are known: a long PostgreSQL fill after them can be stopped without losing them.
        step($"{database.Name}: snapshot {S(report.Snapshot)} s, bare count {S(report.Ceiling)} s, allocated {Mb(report.AllocatedBytes)} MB, " +
            $"working set +{Mb(report.WorkingSetGrowth)} MB (peak {Mb(report.PeakWorkingSet)} MB), {N(report.Counted)} people counted");
        return report;
    }

    private static string Date(int day) => AiplStages.DateOf(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Both engines take a recursive WITH before an INSERT, <c>%</c> and <c>text || integer</c>.</summary>
    private const string FillSql = """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @Profiles),
        shape(r, brand) AS (VALUES (0, 1), (1, 1), (2, 1), (0, 0), (1, 0))
        INSERT INTO marketing_aipl_day (tenant_id, category, day, profile_id, kinds, revenue_minor, evidence)
        SELECT @Tenant,
               CASE WHEN s.brand = 1 THEN '*' ELSE 'Category ' || (n.i % 40) END,
               CASE s.r WHEN 0 THEN @Day - (n.i * 37) % 30 WHEN 1 THEN @Day - 30 - (n.i * 53) % 300 ELSE @Day - 330 - (n.i * 71) % 570 END,
               'prof_' || n.i,
               CASE s.r WHEN 0 THEN 1 + n.i % 2 WHEN 1 THEN CASE WHEN n.i % 3 = 0 THEN 4 ELSE 1 END ELSE CASE WHEN n.i % 5 = 0 THEN 4 ELSE 2 END END,
               CASE WHEN (s.r = 1 AND n.i % 3 = 0) OR (s.r = 2 AND n.i % 5 = 0) THEN 1000 + n.i % 5000 ELSE 0 END,
               'bench'
        FROM n CROSS JOIN shape s
        """;

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "Also run on PostgreSQL (a fresh schema, dropped afterwards)" };
        var profiles = new Option<int>("--profiles") { Description = "People with AIPL day rows (five rows each)", DefaultValueFactory = _ => 100_000 };
        var command = new Command("aipl-snapshot", "The daily AIPL snapshot of one tenant over many profiles: time and memory, beside a bare count of the rows it reads")
        {
            postgres, profiles,
        };
        command.SetAction(async (result, ct) =>
        {
            var count = result.GetValue(profiles);
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, count, Console.WriteLine, ct), ct);
            var table = new Table().Title("Daily AIPL snapshot").AddColumns(
                "database", "profiles", "day rows", "fill s", "snapshot s", "bare count s", "ratio", "allocated MB", "working set growth MB", "peak working set MB", "people counted", "categories");
            foreach (var r in reports)
            {
                table.AddRow(r.Database, N(r.Profiles), N(r.DayRows), S(r.Fill), S(r.Snapshot), S(r.Ceiling), r.Ratio.ToString("F1", CultureInfo.InvariantCulture),
                    Mb(r.AllocatedBytes), Mb(r.WorkingSetGrowth), Mb(r.PeakWorkingSet), N(r.Counted), N(r.Categories));
            }
            AnsiConsole.Write(table);
            Report.Command("aipl-snapshot", result.GetValue(postgres), "--profiles", count.ToString(CultureInfo.InvariantCulture));
            return 0;
        });
        return command;
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1048576d).ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>The process's largest working set while it runs, sampled every 20 ms (native memory, SQLite's cache included).</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly Process _process;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public WorkingSetSampler(Process process)
        {
            _process = process;
            _sampling = Task.Run(SampleAsync);
        }

        private async Task<long> SampleAsync()
        {
            long peak = 0;
            while (!_stop.IsCancellationRequested)
            {
                _process.Refresh();
                peak = Math.Max(peak, _process.WorkingSet64);
                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            _process.Refresh();
            return Math.Max(peak, _process.WorkingSet64);
        }

        public async Task<long> StopAsync()
        {
            await _stop.CancelAsync();
            return await _sampling;
        }

        public void Dispose() => _stop.Dispose();
    }
}
