using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Bench;

/// <summary>
/// <c>promotions</c>: in-process basket pricing with a tenant's worth of active promotions (default 1,000) and 20-line
/// baskets, on one thread (or <c>--threads</c>, each pricing its own share of the baskets against the one shared index), against
/// the same baskets priced with no promotions in the same run (the ceiling: what pricing costs before any promotion is looked
/// at). Catalog, promotions and baskets are generated from a fixed seed.
/// </summary>
internal static class PromotionsBenchmark
{
    private const int CatalogSkus = 5_000;
    private const int CategoryCount = 200;

    public static Command Create()
    {
        var promotions = new Option<int>("--promotions") { Description = "Active promotions", DefaultValueFactory = _ => 1_000 };
        var lines = new Option<int>("--lines") { Description = "Lines per basket", DefaultValueFactory = _ => 20 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds measured per row (after a warm-up)", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads") { Description = "Pricing threads (the engine is pure; they share the index)", DefaultValueFactory = _ => 1 };
        var command = new Command("promotions", "Basket pricing with N active promotions and 20-line baskets, against pricing with none") { promotions, lines, seconds, threads };
        command.SetAction(result =>
        {
            var count = result.GetValue(promotions);
            var lineCount = result.GetValue(lines);
            var duration = TimeSpan.FromSeconds(result.GetValue(seconds));
            var threadCount = result.GetValue(threads);
            if (count < 0 || lineCount is < 1 or > 100 || threadCount is < 1 or > 64)
            {
                Console.Error.WriteLine("--promotions must be at least 0, --lines 1 to 100 and --threads 1 to 64");
                return 1;
            }
            Run(count, lineCount, duration, threadCount);
            Console.WriteLine();
            Console.WriteLine($"command: dotnet run -c Release --project bench/UniRetail.Bench -- promotions --promotions {count} --lines {lineCount} --seconds {duration.TotalSeconds} --threads {threadCount}");
            return 0;
        });
        return command;
    }

    private static void Run(int promotionCount, int lineCount, TimeSpan duration, int threads)
    {
        var random = new Random(20261202);
        var catalog = Enumerable.Range(0, CatalogSkus).Select(i => (Sku: $"SKU-{i:D5}", Category: CategoryOf(i), Unit: (long)random.Next(50, 8_000))).ToArray();
        var promotions = Enumerable.Range(0, promotionCount).Select(i => MakePromotion(i, random, catalog)).ToList();
        var index = PromotionIndex.Build(promotions, 1);
        var none = PromotionIndex.Build([], 1);
        var baskets = Enumerable.Range(0, 1_000).Select(_ => Basket(random, catalog, lineCount)).ToArray();
        var contexts = new[]
        {
            Context(SalesChannel.Web, member: false), Context(SalesChannel.App, member: true), Context(SalesChannel.Pos, member: true),
            Context(SalesChannel.ScanAndGo, member: false),
        };

        var withNone = Measure(none, baskets, contexts, duration, threads);
        var withAll = Measure(index, baskets, contexts, duration, threads);

        var table = new Table().Border(TableBorder.Markdown);
        foreach (var column in new[] { "Promotions", "Lines", "Baskets/s (wall)", "Baskets/CPU-s", "CPU µs/basket", "Ratio to none", "Applied/basket", "Considered/basket", "Discount share", "KB allocated/basket", "GC gen0" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var (row, count) in new[] { (withNone, 0), (withAll, promotionCount) })
        {
            table.AddRow(N(count), N(lineCount), N(row.PerSecond), N(row.PerCpuSecond), F(1e6 / row.PerCpuSecond, 1), F(row.PerCpuSecond / withNone.PerCpuSecond, 2),
                F(row.Applied, 2), F(row.Considered, 1), F(row.DiscountShare * 100, 1) + "%", F(row.Allocated / 1024, 1), N(row.Gen0));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} logical CPUs (wall-clock rates depend on it; CPU-second rates count the process's own CPU time), {threads} pricing thread(s), .NET {Environment.Version}; catalog {N(CatalogSkus)} SKUs in {CategoryCount} categories; " +
            $"{N(index.Ranked.Count)} promotions indexed by {N(CatalogSkus)} SKUs / {CategoryCount} categories");
    }

    private sealed record Row(double PerSecond, double PerCpuSecond, double Applied, double Considered, double DiscountShare, double Allocated, int Gen0);

    private static Row Measure(PromotionIndex index, PricingLine[][] baskets, PricingContext[] contexts, TimeSpan duration, int threads)
    {
        for (var i = 0; i < 2_000; i++)
            PricingEngine.Price(index, contexts[i % contexts.Length], baskets[i % baskets.Length]);
        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tallies = new Tally[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => tallies[t] = Price(index, baskets, contexts, duration, t * 7_919))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var priced = tallies.Sum(t => t.Priced);
        return new Row(priced / elapsed, priced / cpuSeconds, (double)tallies.Sum(t => t.Applied) / priced, (double)tallies.Sum(t => t.Considered) / priced,
            (double)(tallies.Sum(t => t.Discount) / tallies.Sum(t => t.Subtotal)), (double)(GC.GetTotalAllocatedBytes() - allocated) / priced, GC.CollectionCount(0) - gen0);
    }

    private sealed record Tally(long Priced, long Applied, long Considered, decimal Discount, decimal Subtotal);

    /// <summary>One thread's share: the baskets in turn from <paramref name="start"/>, a thousand at a time until the time is up.</summary>
    private static Tally Price(PromotionIndex index, PricingLine[][] baskets, PricingContext[] contexts, TimeSpan duration, long start)
    {
        long applied = 0, considered = 0, priced = 0;
        decimal discount = 0, subtotal = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 1_000; i++, priced++)
            {
                var n = start + priced;
                var basket = PricingEngine.Price(index, contexts[n % contexts.Length], baskets[n % baskets.Length]);
                applied += basket.Applied.Count;
                considered += basket.Applied.Count + basket.Declined.Count;
                foreach (var line in basket.Lines)
                    considered += line.Declined.Count;
                discount += basket.DiscountTotal.Amount;
                subtotal += basket.Subtotal.Amount;
            }
        }
        return new Tally(priced, applied, considered, discount, subtotal);
    }

    private static string CategoryOf(int sku) => $"Dept{sku % 20}/Cat{sku % CategoryCount}";

    private static PricingLine[] Basket(Random random, (string Sku, string Category, long Unit)[] catalog, int lines)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < lines)
            chosen.Add(random.Next(catalog.Length));
        return chosen.Select(i => new PricingLine(Sku.Parse(catalog[i].Sku).Value, catalog[i].Sku, random.Next(1, 4), catalog[i].Unit, catalog[i].Category)).ToArray();
    }

    private static PricingContext Context(SalesChannel channel, bool member) =>
        new(channel, channel == SalesChannel.Pos ? new LocationId("loc_store1") : null, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), member, member ? "gold" : null,
            new HashSet<PromotionId> { new("prm_00007"), new("prm_00042") }, new DateTimeOffset(2026, 12, 4, 17, 30, 0, TimeSpan.Zero), Currency.Gbp);

    /// <summary>
    /// A mix like a grocer's or a fashion chain's: mostly SKU deals, some multi-buys, buy-get, bundles and member prices,
    /// 10% on categories, 3% on the basket (spend thresholds, a basket percentage); a fifth limited to channels, some to times, stores, members and coupons.
    /// </summary>
    private static Promotion MakePromotion(int n, Random random, (string Sku, string Category, long Unit)[] catalog)
    {
        string[] Skus(int count) => Enumerable.Range(0, count).Select(_ => catalog[random.Next(catalog.Length)].Sku).Distinct().ToArray();
        var roll = random.Next(100);
        RuleRequest rule = roll switch
        {
            < 37 => new RuleRequest("percent_off", Skus(random.Next(1, 5)), Percent: random.Next(5, 40)),
            < 57 => new RuleRequest("amount_off", Skus(random.Next(1, 5)), Amount: random.Next(1, 5) * 0.50m),
            < 69 => new RuleRequest("multi_buy", Skus(random.Next(2, 7)), Quantity: 3, Pay: 2),
            < 75 => new RuleRequest("buy_get", Buy: new TargetRequest(Skus(2), null, 2), Get: new TargetRequest(Skus(2), null, 1)),
            < 81 => new RuleRequest("bundle", Price: 5m, Items: Skus(2).Select(s => (BundleItemRequest?)new BundleItemRequest(s, 1)).ToList()),
            < 87 => new RuleRequest("fixed_price", Skus(random.Next(1, 4)), Price: 1.00m),
            < 97 => new RuleRequest("percent_off", Categories: [$"Dept{random.Next(20)}/Cat{random.Next(CategoryCount)}"], Percent: random.Next(5, 20)),
            < 99 => new RuleRequest("spend_threshold", Threshold: random.Next(2, 10) * 25m, Amount: 5m),
            _ => new RuleRequest("percent_off", Basket: true, Percent: 10),
        };
        var condition = random.Next(100);
        var conditions = condition switch
        {
            < 20 => new ConditionsRequest(Channels: condition % 2 == 0 ? ["app"] : ["pos", "web"]),
            < 28 => new ConditionsRequest(Schedule: new ScheduleRequest(["fri", "sat"], "17:00", "19:00", "Europe/London")),
            < 32 => new ConditionsRequest(StoreIds: ["loc_store1"]),
            < 40 => new ConditionsRequest(MembersOnly: true),
            < 43 => new ConditionsRequest(Tiers: ["gold"]),
            < 48 => new ConditionsRequest(CouponRequired: true),
            _ => new ConditionsRequest(ValidFrom: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), ValidTo: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        var request = new PromotionRequest($"P{n:D5}", $"Promotion {n}", true, random.Next(0, 3), random.Next(100) < 5, null, null, rule, conditions, null);
        var parsed = PromotionParser.Parse(request, Currency.Gbp);
        if (!parsed.IsSuccess)
            throw new InvalidOperationException($"{parsed.Error.Code} at {parsed.Error.Field}");
        return PromotionCache.ToPromotion(new PromotionId($"prm_{n:D5}"), parsed.Value, 1, DateTimeOffset.UnixEpoch);
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString($"F{decimals}", CultureInfo.InvariantCulture);
}
