using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace UniRetail.Bench;

/// <summary><c>orders</c>, <c>flash-sale</c>, <c>ingest</c> and <c>all</c>; each runs on SQLite, and on PostgreSQL too when <c>--postgres</c> is given.</summary>
internal static class BenchCommands
{
    private const int Ok = 0;
    private const int Failed = 1;

    private static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "PostgreSQL connection string; the benchmark runs in a fresh schema there (via Search Path) and drops it afterwards",
    };

    private static readonly Option<int> OrderCount = new("--orders")
    {
        Description = "Orders per concurrency level (after a warm-up)",
        DefaultValueFactory = _ => 5_000,
    };

    private static readonly Option<bool> Profile = new("--profile")
    {
        Description = "Also profile the writer lane at 64 callers: group-commit batch sizes and, on SQLite, lane time per statement",
    };

    private static readonly Option<int> Events = new("--events")
    {
        Description = "Events per concurrency level of the ingestion benchmark (after a warm-up)",
        DefaultValueFactory = _ => 100_000,
    };

    private static readonly Option<int> BatchSize = new("--batch") { Description = "Events per /v1/batch request", DefaultValueFactory = _ => 100 };

    private static readonly Option<int> Buyers = new("--buyers") { Description = "Flash-sale buyers", DefaultValueFactory = _ => 10_000 };

    private static readonly Option<int> Units = new("--units") { Description = "Flash-sale units in stock", DefaultValueFactory = _ => 1_000 };

    public static Command Orders()
    {
        var command = new Command("orders", "Place-order throughput and p50/p99 latency at 1, 8 and 64 callers, against a bare-loop ceiling")
        {
            Postgres, OrderCount, Profile,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = Settings.From(result);
            if (settings.Orders < 100)
                return Fail("--orders must be at least 100");
            var reports = await RunOrdersAsync(settings, ct);
            Report.Orders(reports);
            Report.Command("orders", settings.Postgres, settings.OrdersOptions());
            return reports.All(r => r.AllPlaced) ? Ok : Failed;
        });
        return command;
    }

    public static Command FlashSale()
    {
        var command = new Command("flash-sale", "Buyers at 256 at a time for a few units of one SKU: exactly the units sell, nothing is oversold")
        {
            Postgres, Buyers, Units,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = Settings.From(result);
            if (settings.Units < 1 || settings.Buyers < settings.Units)
                return Fail("--units must be at least 1 and --buyers at least --units");
            var reports = await RunFlashSalesAsync(settings, ct);
            Report.FlashSales(reports);
            Report.Command("flash-sale", settings.Postgres, settings.FlashSaleOptions());
            return reports.All(r => r.Passed) ? Ok : Failed;
        });
        return command;
    }

    public static Command Ingest()
    {
        var command = new Command("ingest", "Event ingestion over HTTP (/v1/batch) at 1, 8 and 64 senders, against a bare insert ceiling")
        {
            Postgres, Events, BatchSize,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = Settings.From(result);
            if (!settings.IngestValid)
                return Fail(IngestLimits);
            var reports = await RunIngestAsync(settings, ct);
            Report.Ingest(reports);
            Report.Command("ingest", settings.Postgres, settings.IngestOptions());
            return reports.All(r => r.AllStored) ? Ok : Failed;
        });
        return command;
    }

    public static Command All()
    {
        var command = new Command("all", "orders, flash-sale, then ingest, on SQLite and (with --postgres) PostgreSQL")
        {
            Postgres, OrderCount, Profile, Buyers, Units, Events, BatchSize,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = Settings.From(result);
            if (settings.Orders < 100 || settings.Units < 1 || settings.Buyers < settings.Units)
                return Fail("--orders must be at least 100, --units at least 1 and --buyers at least --units");
            if (!settings.IngestValid)
                return Fail(IngestLimits);
            var started = Stopwatch.GetTimestamp();
            var orders = await RunOrdersAsync(settings, ct);
            var sales = await RunFlashSalesAsync(settings, ct);
            var ingest = await RunIngestAsync(settings, ct);
            Report.Orders(orders);
            Console.WriteLine();
            Report.FlashSales(sales);
            Console.WriteLine();
            Report.Ingest(ingest);
            Report.Command("all", settings.Postgres, [.. settings.OrdersOptions(), .. settings.FlashSaleOptions(), .. settings.IngestOptions()]);
            Console.WriteLine($"Total time: {Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
            return orders.All(r => r.AllPlaced) && sales.All(r => r.Passed) && ingest.All(r => r.AllStored) ? Ok : Failed;
        });
        return command;
    }

    private static Task<List<OrdersReport>> RunOrdersAsync(Settings settings, CancellationToken ct) =>
        BenchDatabase.OnEachAsync(settings.Postgres, db => OrdersBenchmark.RunAsync(db, settings.Orders, settings.Profile, Step, ct), ct);

    private static Task<List<FlashSaleReport>> RunFlashSalesAsync(Settings settings, CancellationToken ct) =>
        BenchDatabase.OnEachAsync(settings.Postgres, db => FlashSaleBenchmark.RunAsync(db, settings.Buyers, settings.Units, Step, ct), ct);

    private static Task<List<IngestReport>> RunIngestAsync(Settings settings, CancellationToken ct) =>
        BenchDatabase.OnEachAsync(settings.Postgres, db => IngestBenchmark.RunAsync(db, settings.Events, settings.BatchSize, Step, ct), ct);

    private const string IngestLimits = "--batch must be between 1 and 500 (the event API's batch limit is 500 KB) and --events at least 10 batches";

    /// <summary>A progress line on standard error, with the time.</summary>
    internal static void Step(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    /// <summary>Says what is wrong with the options; the exit code for it.</summary>
    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return Failed;
    }

    private sealed record Settings(string? Postgres, int Orders, bool Profile, int Buyers, int Units, int Events, int BatchSize)
    {
        public static Settings From(ParseResult result) => new(
            string.IsNullOrWhiteSpace(result.GetValue(BenchCommands.Postgres)) ? null : result.GetValue(BenchCommands.Postgres),
            result.GetValue(OrderCount), result.GetValue(BenchCommands.Profile), result.GetValue(BenchCommands.Buyers), result.GetValue(BenchCommands.Units),
            result.GetValue(BenchCommands.Events), result.GetValue(BenchCommands.BatchSize));

        public bool IngestValid => BatchSize is >= 1 and <= 500 && Events >= 10 * BatchSize;

        public string[] IngestOptions() => ["--events", Invariant(Events), "--batch", Invariant(BatchSize)];

        public string[] OrdersOptions() => Profile ? ["--orders", Invariant(Orders), "--profile"] : ["--orders", Invariant(Orders)];

        public string[] FlashSaleOptions() => ["--buyers", Invariant(Buyers), "--units", Invariant(Units)];

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
