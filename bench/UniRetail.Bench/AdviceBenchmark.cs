using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Network.Domain.Advice;

namespace UniRetail.Bench;

/// <summary>
/// <c>shops-advice</c>: the advice of every shop of a network (default 1,000 shops × 500 SKUs each, of a 1,000-SKU
/// wholesale catalog) from the aggregates the module keeps — each shop's 8-week sales profile, stock, recent sales and
/// 2,000 basket pairs — as one request computes it: the 100 nearest shops, their cosine, the 10 most similar, add, drop,
/// eye level and side by side. One shop after another (a request is one thread). Against a ceiling measured in the same
/// run: per shop only the dot products with its 100 nearest shops' vectors (the least any similarity must do). Profiles
/// are generated from a fixed seed: shops in a 30 km square, each selling a Zipf-like mix of one of five neighbourhood
/// types. The reads from the database (one shop's rows and at most 100 profiles) are not in these figures.
/// </summary>
internal static class AdviceBenchmark
{
    private const int CatalogSkus = 1_000;

    public static Command Create()
    {
        var shops = new Option<int>("--shops") { Description = "Shops on the platform", DefaultValueFactory = _ => 1_000 };
        var skus = new Option<int>("--skus") { Description = "SKUs each shop sells (of a 1,000-SKU catalog)", DefaultValueFactory = _ => 500 };
        var command = new Command("shops-advice", "Assortment and display advice for every shop of an N-shop network of M SKUs each, against a dot-product ceiling") { shops, skus };
        command.SetAction(result =>
        {
            var (shopCount, skuCount) = (result.GetValue(shops), result.GetValue(skus));
            if (shopCount is < 2 or > 1_000 || skuCount is < 1 or > CatalogSkus)
            {
                Console.Error.WriteLine("--shops is 2 to 1,000 (the platform's limit), --skus 1 to 1,000");
                return 1;
            }
            Run(shopCount, skuCount);
            return 0;
        });
        return command;
    }

    private static void Run(int shops, int skus)
    {
        var rules = AdviceRules.Default;
        var network = Generate(shops, skus);
        var catalog = Enumerable.Range(0, CatalogSkus).Select(i => new AddCandidate($"SKU-{i:0000}", $"SKU-{i:0000}", 12, 12, 40 + i % 60, 70 + i % 90)).ToList();
        Measure(network.Take(20).ToList(), network, catalog, rules, full: true);
        var ceiling = Measure(network, network, catalog, rules, full: false);
        var product = Measure(network, network, catalog, rules, full: true);
        Console.WriteLine($"advice for {shops:N0} shops × {skus:N0} SKUs (catalog {CatalogSkus:N0}), one shop after another on one thread");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"advice: {product.Seconds:0.00} s for all shops ({product.Seconds * 1000 / shops:0.0} ms a shop), {product.AllocatedMb / shops:0.0} MB allocated a shop, peak working set {product.PeakMb:N0} MB; {product.Items:N0} advice items"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling (dot products with the 100 nearest only): {ceiling.Seconds:0.00} s ({ceiling.Seconds * 1000 / shops:0.0} ms a shop); ratio product/ceiling (time) {product.Seconds / ceiling.Seconds:0.00}"));
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs");
        Console.WriteLine($"command: dotnet run -c Release --project bench/UniRetail.Bench -- shops-advice --shops {shops} --skus {skus}");
    }

    private sealed record Shop(SalesProfile Profile, IReadOnlyList<StockedSku> Stocked, IReadOnlyList<SoldSku> Recent, IReadOnlyDictionary<string, long> WithSku, IReadOnlyList<PairBaskets> Pairs);

    private sealed record Measurement(double Seconds, double AllocatedMb, double PeakMb, long Items);

    private static Measurement Measure(IReadOnlyList<Shop> asking, IReadOnlyList<Shop> network, IReadOnlyList<AddCandidate> catalog, AdviceRules rules, bool full)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long items = 0;
        var others = network.Select(n => n.Profile).ToList();
        foreach (var shop in asking)
        {
            if (!full)
            {
                var nearest = others.OrderBy(o => shop.Profile.Position.DistanceKmTo(o.Position)).Take(rules.NearestCandidates);
                items += nearest.Count(o => ShopSimilarity.Cosine(shop.Profile.Units, o.Units) > 0);
                continue;
            }
            var similar = ShopSimilarity.MostSimilar(shop.Profile, others, rules);
            var candidates = catalog.Where(c => !shop.Profile.Units.ContainsKey(c.WholesaleSku));
            items += AssortmentAdvisor.Add(shop.Profile, similar, candidates, rules).Count;
            items += AssortmentAdvisor.Drop(shop.Stocked, rules).Count;
            items += AssortmentAdvisor.EyeLevel(shop.Recent, rules).Count;
            items += BasketLift.Rank(10_000, shop.WithSku, shop.Pairs, rules.MinOwnSupport, rules.ListSize).Count;
        }
        clock.Stop();
        return new Measurement(clock.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, items);
    }

    private static List<Shop> Generate(int shops, int skus)
    {
        var random = new Random(12);
        var list = new List<Shop>(shops);
        for (var s = 0; s < shops; s++)
        {
            var type = s % 5;
            var position = GeoPoint.FromStored(51.35 + random.NextDouble() * 0.27, -0.35 + random.NextDouble() * 0.43);
            var chosen = Enumerable.Range(0, CatalogSkus).OrderBy(i => ((i + type * 150) % CatalogSkus) + random.Next(300)).Take(skus).ToList();
            var units = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var r = 0; r < chosen.Count; r++)
                units[$"SKU-{chosen[r]:0000}"] = 1 + (long)(2_000 / (r + 1.0) * (0.5 + random.NextDouble()));
            var stocked = units.Select(u => new StockedSku(u.Key, random.Next(0, 60), u.Value, 8, 40, null)).ToList();
            var recent = units.Select(u => new SoldSku(u.Key, u.Value / 2, 4, 80, 40)).ToList();
            var keys = units.Keys.ToList();
            var pairs = Enumerable.Range(0, AdviceRules.MaxPairsPerShop).Select(_ =>
            {
                var (a, b) = (keys[random.Next(keys.Count)], keys[random.Next(keys.Count)]);
                return string.CompareOrdinal(a, b) < 0 ? new PairBaskets(a, b, random.Next(1, 40)) : new PairBaskets(b, a, random.Next(1, 40));
            }).Where(p => p.Sku != p.Other).ToList();
            var withSku = units.ToDictionary(u => u.Key, u => Math.Max(40, u.Value / 4), StringComparer.Ordinal);
            list.Add(new Shop(new SalesProfile($"shop-{s}", position, 8, units), stocked, recent, withSku, pairs));
        }
        return list;
    }
}
