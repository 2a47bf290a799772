using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using UniRetail.Network.Domain.Forecasting;
using UniRetail.Network.Domain.Replenishment;

namespace UniRetail.Bench;

/// <summary>
/// <c>shops</c>: the suggested order of every SKU of every shop (default 1,000 shops × 500 SKUs = 500,000 series), each
/// forecast with its method chosen by its own rolling-origin backtest, shops in parallel. Against a ceiling measured in
/// the same run: the same series generated and ordered with one 28-day moving average (one pass over each series, no
/// choice of method). Series are generated from a fixed seed: a third weekly-seasonal, a third slow, a third intermittent.
/// </summary>
internal static class ReplenishmentBenchmark
{
    public static Command Create()
    {
        var shops = new Option<int>("--shops") { Description = "Shops", DefaultValueFactory = _ => 1_000 };
        var skus = new Option<int>("--skus") { Description = "SKUs per shop", DefaultValueFactory = _ => 500 };
        var days = new Option<int>("--days") { Description = "Days of sales history per series", DefaultValueFactory = _ => 182 };
        var command = new Command("shops", "Suggested orders for N shops × M SKUs (forecast chosen per series), against a one-method ceiling") { shops, skus, days };
        command.SetAction(result =>
        {
            var shopCount = result.GetValue(shops);
            var skuCount = result.GetValue(skus);
            var dayCount = result.GetValue(days);
            if (shopCount < 1 || skuCount < 1 || dayCount is < 28 or > 1_000)
            {
                Console.Error.WriteLine("--shops and --skus must be at least 1, --days 28 to 1,000");
                return 1;
            }
            Run(shopCount, skuCount, dayCount);
            return 0;
        });
        return command;
    }

    private static void Run(int shops, int skus, int days)
    {
        var policy = OrderPolicy.Create(0.95m, 2, 7, casePack: 12, minimumUnits: 24).Value;
        var ceilingMethod = new MovingAverage(28);
        Measure(shops / 10 + 1, skus, days, policy, ceilingMethod, full: true);
        var ceiling = Measure(shops, skus, days, policy, ceilingMethod, full: false);
        var product = Measure(shops, skus, days, policy, ceilingMethod, full: true);
        var series = (long)shops * skus;
        Console.WriteLine($"suggested orders for {shops:N0} shops × {skus:N0} SKUs = {series:N0} series, {days} days of history each, shops in parallel on {Environment.ProcessorCount} logical CPUs");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chosen per series: {product.Seconds:0.00} s wall ({series / product.Seconds:N0} series/s), {product.CpuSeconds:0.00} CPU-s, {product.AllocatedMb:N0} MB allocated, peak working set {product.PeakMb:N0} MB; {product.Ordering:N0} series ordered, {product.Units:N0} units"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling (28-day moving average, no choice): {ceiling.Seconds:0.00} s wall ({series / ceiling.Seconds:N0} series/s), {ceiling.CpuSeconds:0.00} CPU-s; ratio product/ceiling (CPU) {ceiling.CpuSeconds / product.CpuSeconds:0.000}"));
        Console.WriteLine($"methods chosen: {string.Join(", ", product.Methods.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:N0}"))}");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, .NET {Environment.Version}");
        Console.WriteLine($"command: dotnet run -c Release --project bench/UniRetail.Bench -- shops --shops {shops} --skus {skus} --days {days}");
    }

    private sealed record Measurement(double Seconds, double CpuSeconds, double AllocatedMb, double PeakMb, long Ordering, long Units, Dictionary<string, long> Methods);

    private static Measurement Measure(int shops, int skus, int days, OrderPolicy policy, ForecastMethod ceiling, bool full)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long ordering = 0, units = 0;
        var methods = new Dictionary<string, long>(StringComparer.Ordinal);
        var gate = new Lock();
        Parallel.For(0, shops, shop =>
        {
            var random = new Random(shop);
            var history = new double[days];
            var forecast = new double[Replenisher.SelectionHorizon];
            long shopOrdering = 0, shopUnits = 0;
            var shopMethods = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var sku = 0; sku < skus; sku++)
            {
                Generate(random, sku % 3, history);
                var onHand = random.Next(0, 40);
                OrderAdvice advice;
                if (full)
                {
                    advice = Replenisher.Advise(history, policy, onHand, 0);
                }
                else
                {
                    ceiling.Forecast(history, forecast);
                    advice = policy.Advise(new DemandForecast(ceiling.Name, forecast, 1), onHand, 0);
                }
                if (advice.Units > 0)
                {
                    shopOrdering++;
                    shopUnits += advice.Units;
                }
                shopMethods[advice.Method] = shopMethods.GetValueOrDefault(advice.Method) + 1;
            }
            lock (gate)
            {
                ordering += shopOrdering;
                units += shopUnits;
                foreach (var (method, count) in shopMethods)
                    methods[method] = methods.GetValueOrDefault(method) + count;
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Measurement(
            seconds,
            (process.TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,
            process.PeakWorkingSet64 / 1e6,
            ordering,
            units,
            methods);
    }

    // 0: weekly seasonal around 8 a day; 1: slow, Poisson-like around 1.5 a day; 2: intermittent, a sale of 1 to 6 on one day in six.
    private static void Generate(Random random, int kind, double[] history)
    {
        double[] week = [0.8, 0.9, 0.9, 1.0, 1.2, 1.5, 0.7];
        for (var t = 0; t < history.Length; t++)
        {
            history[t] = kind switch
            {
                0 => Math.Max(0, Math.Round((8 * week[t % 7]) + ((random.NextDouble() - 0.5) * 6))),
                1 => random.Next(0, 4),
                _ => random.NextDouble() < 1.0 / 6 ? random.Next(1, 7) : 0,
            };
        }
    }
}
