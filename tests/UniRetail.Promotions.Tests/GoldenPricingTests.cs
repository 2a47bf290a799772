using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;
using Xunit;

namespace UniRetail.Promotions.Tests;

/// <summary>
/// The engine prices a fixed set of baskets exactly as the engine at main did before it was made faster (commit 82cef19):
/// <c>Golden/pricing.golden.txt</c> was written by this test run against that engine with <c>UNIRETAIL_WRITE_GOLDEN=1</c>.
/// Three generated sets, each from a fixed seed: <c>bench</c> (1,000 promotions like the pricing benchmark's, 20-line
/// baskets), <c>dense</c> (300 promotions of every kind on 400 SKUs, with stacking groups, exclusivity, every condition and
/// baskets of up to 100 lines, so the bounded search and the candidate limit are reached) and <c>small</c> (up to 16
/// promotions on 6 SKUs: the exhaustive search). Each line of the file is a case, its discount in minor units and the first
/// 16 hex digits of the SHA-256 of the whole answer (every line, amount with its scale, applied and declined promotion
/// with its reason, hint); a difference prints the answer now.
/// </summary>
public sealed class GoldenPricingTests
{
    private const string GoldenName = "pricing.golden.txt";

    [Fact]
    public void EveryGeneratedBasketPricesExactlyAsTheEngineAtMainPricedIt()
    {
        var cases = Cases().ToList();
        var now = cases.Select(c => $"{c.Name} {Minor(c.Priced.DiscountTotal)} {Hash(Describe(c.Priced))}").ToList();
        if (Environment.GetEnvironmentVariable("UNIRETAIL_WRITE_GOLDEN") == "1")
        {
            File.WriteAllLines(SourcePath(), now.Prepend("# Written by GoldenPricingTests against the engine at main 82cef19; case, discount (minor units), SHA-256 prefix of the answer"));
            Assert.Equal(cases.Count, now.Count);
            return;
        }
        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", GoldenName)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(golden.Count, now.Count);
        Assert.True(cases.Count(c => c.Priced.Applied.Count > 0) > cases.Count / 2, "most generated baskets get a discount");
        for (var i = 0; i < now.Count; i++)
        {
            if (golden[i] != now[i])
                Assert.Fail($"{golden[i]} is now {now[i]}:\n{Describe(cases[i].Priced)}");
        }
    }

    private static string SourcePath([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Golden", GoldenName);

    private static long Minor(Money money) => (long)(money.Amount * 100);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>The whole answer as text, amounts as their decimals are (so 1.5 and 1.50 differ).</summary>
    internal static string Describe(PricedBasket b)
    {
        static string M(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + m.Currency.Code;
        static string Applied(IEnumerable<AppliedPromotion> a) => string.Join(",", a.Select(x => $"{x.Promotion}/{x.Code}/{x.Name}:{M(x.Amount)}"));
        static string Declined(IEnumerable<DeclinedPromotion> d) => string.Join(",", d.Select(x => $"{x.Promotion}/{x.Code}:{x.Reason}"));
        var text = new StringBuilder();
        foreach (var l in b.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.LineNo} {l.Sku} {l.Name} x{l.Quantity.Value} {M(l.UnitPrice)} {M(l.ListTotal)} -{M(l.Discount)} ={M(l.NetTotal)}")
                .Append(CultureInfo.InvariantCulture, $" applied[{Applied(l.Applied)}] declined[{Declined(l.Declined)}]\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"{b.Currency.Code} {M(b.Subtotal)} -{M(b.DiscountTotal)} ={M(b.Total)} applied[{Applied(b.Applied)}] declined[{Declined(b.Declined)}]\n");
        foreach (var h in b.Hints)
            text.Append(CultureInfo.InvariantCulture, $"hint {h.Promotion} {h.Kind} {h.Message} {(h.SpendMore is { } m ? M(m) : "-")} {h.AddQuantity} {h.Sku}\n");
        return text.ToString();
    }

    private sealed record Case(string Name, PricedBasket Priced);

    private static IEnumerable<Case> Cases()
    {
        foreach (var c in Generated("bench", seed: 20261202, skus: 5_000, categories: 200, promotions: 1_000, baskets: 200, maxLines: 20, fixedLines: true, Bench))
            yield return c;
        foreach (var c in Generated("dense", seed: 8, skus: 400, categories: 30, promotions: 300, baskets: 300, maxLines: 100, fixedLines: false, Dense))
            yield return c;
        var random = new Random(6);
        for (var n = 0; n < 2_000; n++)
        {
            var catalog = Catalog(random, 6, 3);
            var promotions = Enumerable.Range(0, random.Next(0, n % 4 == 0 ? 17 : 9)).Select(i => Dense(i, random, catalog)).ToList();
            var lines = Basket(random, catalog, random.Next(1, 7));
            yield return new Case($"small{n}", PricingEngine.Price(PromotionIndex.Build(promotions, 1), Contexts[n % Contexts.Length], lines));
        }
    }

    private delegate Promotion Maker(int n, Random random, (string Sku, string Category, long Unit)[] catalog);

    private static IEnumerable<Case> Generated(string name, int seed, int skus, int categories, int promotions, int baskets, int maxLines, bool fixedLines, Maker make)
    {
        var random = new Random(seed);
        var catalog = Catalog(random, skus, categories);
        var index = PromotionIndex.Build(Enumerable.Range(0, promotions).Select(i => make(i, random, catalog)).ToList(), 1);
        for (var n = 0; n < baskets; n++)
        {
            var lines = Basket(random, catalog, fixedLines ? maxLines : random.Next(1, maxLines + 1));
            yield return new Case($"{name}{n}", PricingEngine.Price(index, Contexts[n % Contexts.Length], lines));
        }
    }

    private static readonly PricingContext[] Contexts =
    [
        Context(SalesChannel.Web, null, null, member: false, null, [], Friday(17, 30)),
        Context(SalesChannel.App, null, null, member: true, "gold", ["prm_00007", "prm_00042", "prm_00003"], Friday(17, 30)),
        Context(SalesChannel.Pos, "loc_store1", "Europe/London", member: true, "silver", ["prm_00001"], Friday(18, 59)),
        Context(SalesChannel.ScanAndGo, "loc_store2", "Europe/Paris", member: false, null, [], Friday(16, 30)),
        Context(SalesChannel.Web, null, null, member: true, null, ["prm_00005", "prm_00010", "prm_00011"], Friday(23, 30)),
        Context(SalesChannel.Pos, "loc_store2", "Asia/Tokyo", member: true, "gold", [], Friday(9, 0)),
    ];

    private static DateTimeOffset Friday(int hour, int minute) => new(2026, 12, 4, hour, minute, 0, TimeSpan.Zero);

    private static PricingContext Context(SalesChannel channel, string? store, string? zone, bool member, string? tier, string[] unlocked, DateTimeOffset at) =>
        new(channel, store is null ? null : new LocationId(store), zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone), member, tier,
            unlocked.Select(u => new PromotionId(u)).ToHashSet(), at, Currency.Gbp);

    private static (string Sku, string Category, long Unit)[] Catalog(Random random, int skus, int categories) =>
        Enumerable.Range(0, skus).Select(i => ($"SKU-{i:D5}", $"Dept{i % 20 % categories}/Cat{i % categories}", (long)random.Next(50, 8_000))).ToArray();

    private static PricingLine[] Basket(Random random, (string Sku, string Category, long Unit)[] catalog, int lines)
    {
        var chosen = new List<int>();
        while (chosen.Count < Math.Min(lines, catalog.Length))
        {
            var next = random.Next(catalog.Length);
            if (!chosen.Contains(next))
                chosen.Add(next);
        }
        return chosen.Select(i => new PricingLine(Sku.Parse(catalog[i].Sku).Value, catalog[i].Sku, random.Next(1, 6), catalog[i].Unit, catalog[i].Category)).ToArray();
    }

    private static string[] Skus(Random random, (string Sku, string Category, long Unit)[] catalog, int count) =>
        Enumerable.Range(0, count).Select(_ => catalog[random.Next(catalog.Length)].Sku).Distinct().ToArray();

    private static string Category(Random random, (string Sku, string Category, long Unit)[] catalog) =>
        random.Next(4) == 0 ? catalog[random.Next(catalog.Length)].Category.Split('/')[0] : catalog[random.Next(catalog.Length)].Category;

    /// <summary>The pricing benchmark's mix (bench/UniRetail.Bench/PromotionsBenchmark.cs).</summary>
    private static Promotion Bench(int n, Random random, (string Sku, string Category, long Unit)[] catalog)
    {
        var roll = random.Next(100);
        RuleRequest rule = roll switch
        {
            < 37 => new RuleRequest("percent_off", Skus(random, catalog, random.Next(1, 5)), Percent: random.Next(5, 40)),
            < 57 => new RuleRequest("amount_off", Skus(random, catalog, random.Next(1, 5)), Amount: random.Next(1, 5) * 0.50m),
            < 69 => new RuleRequest("multi_buy", Skus(random, catalog, random.Next(2, 7)), Quantity: 3, Pay: 2),
            < 75 => new RuleRequest("buy_get", Buy: new TargetRequest(Skus(random, catalog, 2), null, 2), Get: new TargetRequest(Skus(random, catalog, 2), null, 1)),
            < 81 => new RuleRequest("bundle", Price: 5m, Items: Skus(random, catalog, 2).Select(s => (BundleItemRequest?)new BundleItemRequest(s, 1)).ToList()),
            < 87 => new RuleRequest("fixed_price", Skus(random, catalog, random.Next(1, 4)), Price: 1.00m),
            < 97 => new RuleRequest("percent_off", Categories: [Category(random, catalog)], Percent: random.Next(5, 20)),
            < 99 => new RuleRequest("spend_threshold", Threshold: random.Next(2, 10) * 25m, Amount: 5m),
            _ => new RuleRequest("percent_off", Basket: true, Percent: 10),
        };
        return Make(n, rule, AnyConditions(random), random.Next(0, 3), random.Next(100) < 5, null);
    }

    /// <summary>Every kind, target and condition, stacking groups and exclusivity, crowded onto few SKUs.</summary>
    private static Promotion Dense(int n, Random random, (string Sku, string Category, long Unit)[] catalog)
    {
        string[] Some(int most) => Skus(random, catalog, random.Next(1, most + 1));
        string[]? Categories() => random.Next(3) == 0 ? [Category(random, catalog)] : null;
        var roll = random.Next(12);
        RuleRequest rule = roll switch
        {
            0 => Categories() is { } c ? new RuleRequest("percent_off", Categories: c, Percent: random.Next(1, 101)) : new RuleRequest("percent_off", Some(4), Percent: random.Next(1, 101)),
            1 => new RuleRequest("amount_off", Some(4), Amount: random.Next(1, 400) / 100m),
            2 => Categories() is { } c ? new RuleRequest("multi_buy", Categories: c, Quantity: random.Next(2, 5), Pay: random.Next(0, 2)) : new RuleRequest("multi_buy", Some(5), Quantity: random.Next(2, 5), Pay: 1),
            3 => new RuleRequest("multi_buy", Some(5), Quantity: 3, Pay: random.Next(0, 3)),
            4 => new RuleRequest("buy_get", Buy: new TargetRequest(Some(3), Categories(), random.Next(1, 4)), Get: new TargetRequest(Some(3), null, random.Next(1, 3), random.Next(2) == 0 ? null : random.Next(10, 101))),
            5 => new RuleRequest("bundle", Price: random.Next(100, 3000) / 100m, Items: Some(3).Select(s => (BundleItemRequest?)new BundleItemRequest(s, random.Next(1, 3))).Append(new BundleItemRequest(catalog[random.Next(catalog.Length)].Sku + "X", 1)).Take(random.Next(2) == 0 ? 3 : 2).DistinctBy(i => i!.Sku).ToList()),
            6 => Categories() is { } c ? new RuleRequest("fixed_price", Categories: c, Price: random.Next(50, 2000) / 100m) : new RuleRequest("fixed_price", Some(3), Price: random.Next(50, 2000) / 100m),
            7 => new RuleRequest("spend_threshold", Threshold: random.Next(1, 200) * 5m, Amount: random.Next(1, 5) * 1m),
            8 => new RuleRequest("spend_threshold", Categories: Categories(), Threshold: random.Next(1, 60) * 5m, Percent: random.Next(1, 30)),
            9 => new RuleRequest("spend_threshold", Some(5), Threshold: random.Next(1, 60) * 5m, Amount: 5m),
            10 => new RuleRequest("percent_off", Basket: true, Percent: random.Next(1, 30)),
            _ => new RuleRequest("amount_off", Basket: true, Amount: random.Next(1, 2000) / 100m),
        };
        string? group = random.Next(6) switch { 0 => "a", 1 => "b", 2 => "basket", 3 => "item", _ => null };
        return Make(n, rule, AnyConditions(random), random.Next(-1, 3), random.Next(100) < 12, group);
    }

    private static ConditionsRequest AnyConditions(Random random)
    {
        var condition = random.Next(100);
        return condition switch
        {
            < 20 => new ConditionsRequest(Channels: condition % 2 == 0 ? ["app"] : ["pos", "web"]),
            < 24 => new ConditionsRequest(Schedule: new ScheduleRequest(["fri", "sat"], "17:00", "19:00", "Europe/London")),
            < 28 => new ConditionsRequest(Schedule: new ScheduleRequest(["thu", "fri"], "22:00", "02:00", "America/New_York")),
            < 32 => new ConditionsRequest(StoreIds: [condition % 2 == 0 ? "loc_store1" : "loc_store2"]),
            < 40 => new ConditionsRequest(MembersOnly: true),
            < 43 => new ConditionsRequest(Tiers: [condition % 2 == 0 ? "gold" : "silver"]),
            < 48 => new ConditionsRequest(CouponRequired: true),
            < 52 => new ConditionsRequest(ValidFrom: new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero)),
            < 55 => new ConditionsRequest(ValidTo: new DateTimeOffset(2026, 12, 4, 17, 45, 0, TimeSpan.Zero)),
            _ => new ConditionsRequest(ValidFrom: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), ValidTo: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };
    }

    private static Promotion Make(int n, RuleRequest rule, ConditionsRequest conditions, int priority, bool exclusive, string? group)
    {
        var parsed = PromotionParser.Parse(new PromotionRequest($"P{n:D5}", $"Promotion {n}", true, priority, exclusive, group, null, rule, conditions, null), Currency.Gbp);
        if (!parsed.IsSuccess)
            throw new InvalidOperationException($"{parsed.Error.Code} at {parsed.Error.Field}: {parsed.Error.Message}");
        return Persistence.PromotionCache.ToPromotion(new PromotionId($"prm_{n:D5}"), parsed.Value, 1, DateTimeOffset.UnixEpoch);
    }
}
