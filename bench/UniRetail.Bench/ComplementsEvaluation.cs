using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Kernel;
using UniRetail.Store.Domain;

namespace UniRetail.Bench;

/// <summary>
/// <c>complements</c>: the scan-to-bag complements measured offline on UCI Online Retail. Invoices (no cancellations, a known
/// customer, product codes only: those that start with a digit) are split by date; lift is learnt from the earlier part with
/// the module's own <see cref="CoPurchaseCounts"/> and <see cref="ComplementRules.Default"/>; for every later invoice whose
/// customer buys again within the horizon, the top three complements of its items (best lift over the invoice's items, none
/// already in it) are checked against what that customer buys in their next invoices within the horizon — hit rate@3 (at
/// least one bought) and precision@3 (bought / 3) — against the three best sellers of the earlier part not in the invoice,
/// and against complements topped up with best sellers when an invoice's items have fewer than three.
/// </summary>
internal static class ComplementsEvaluation
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "online_retail.csv.gz (default: found in ../shared/data)" };
        var split = new Option<string>("--split") { Description = "First day of the evaluated part (yyyy-MM-dd)", DefaultValueFactory = _ => "2011-09-01" };
        var horizon = new Option<int>("--horizon-days") { Description = "How far ahead a customer's next invoices count", DefaultValueFactory = _ => 30 };
        var command = new Command("complements", "Offline hit rate@3 of bag complements on UCI Online Retail against a best-seller baseline") { file, split, horizon };
        command.SetAction(result =>
        {
            var path = result.GetValue(file) ?? OnlineRetailFile.Locate();
            if (path is null || !File.Exists(path))
            {
                Console.Error.WriteLine($"No Online Retail file: pass --file or put it at ../{OnlineRetailFile.RelativePath}");
                return 1;
            }
            if (!DateTime.TryParseExact(result.GetValue(split), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || result.GetValue(horizon) is < 1 or > 365)
            {
                Console.Error.WriteLine("--split is a yyyy-MM-dd date and --horizon-days 1 to 365");
                return 1;
            }
            Run(path, from, result.GetValue(horizon));
            return 0;
        });
        return command;
    }

    private sealed record Invoice(string Customer, DateTime At, IReadOnlyList<Sku> Skus);

    private sealed class Score(string name)
    {
        public string Name { get; } = name;
        public int Hits { get; private set; }
        public int Bought { get; private set; }
        public int Suggested { get; private set; }

        public void Add(List<Sku> suggested, HashSet<Sku> next)
        {
            var bought = suggested.Count(next.Contains);
            Hits += bought > 0 ? 1 : 0;
            Bought += bought;
            Suggested += suggested.Count;
        }
    }

    private static void Run(string path, DateTime split, int horizonDays)
    {
        var clock = Stopwatch.StartNew();
        var invoices = Read(path);
        var train = invoices.Where(i => i.At < split).ToList();
        var test = invoices.Where(i => i.At >= split).ToList();
        var rules = ComplementRules.Default;
        var counts = new CoPurchaseCounts(rules);
        foreach (var invoice in train)
            counts.Add(invoice.Skus);
        var learnt = clock.Elapsed;
        var bestSellers = train.SelectMany(i => i.Skus.Distinct()).GroupBy(s => s).Select(g => (Sku: g.Key, Baskets: g.Count()))
            .OrderByDescending(s => s.Baskets).ThenBy(s => s.Sku.Value, StringComparer.Ordinal).Select(s => s.Sku).Take(200).ToList();
        var complements = new Dictionary<Sku, IReadOnlyList<Complement>>();
        var scores = new[] { new Score("complements (lift)"), new Score("best sellers not in the basket"), new Score("complements, topped up with best sellers") };
        var (evaluated, covered) = (0, 0);
        foreach (var customer in test.GroupBy(i => i.Customer))
        {
            var theirs = customer.OrderBy(i => i.At).ToList();
            for (var n = 0; n < theirs.Count; n++)
            {
                var invoice = theirs[n];
                var next = theirs.Skip(n + 1).Where(i => i.At > invoice.At && i.At <= invoice.At.AddDays(horizonDays)).SelectMany(i => i.Skus).ToHashSet();
                if (next.Count == 0)
                    continue;
                evaluated++;
                var held = invoice.Skus.ToHashSet();
                var suggested = invoice.Skus.Distinct()
                    .SelectMany(s => complements.TryGetValue(s, out var known) ? known : complements[s] = counts.ComplementsOf(s))
                    .Where(c => !held.Contains(c.Sku))
                    .GroupBy(c => c.Sku).Select(g => (Sku: g.Key, Lift: g.Max(c => c.Lift)))
                    .OrderByDescending(c => c.Lift).ThenBy(c => c.Sku.Value, StringComparer.Ordinal).Select(c => c.Sku).Take(3).ToList();
                var popular = bestSellers.Where(s => !held.Contains(s)).Take(3).ToList();
                covered += suggested.Count == 3 ? 1 : 0;
                scores[0].Add(suggested, next);
                scores[1].Add(popular, next);
                scores[2].Add(suggested.Concat(popular.Where(p => !suggested.Contains(p))).Take(3).ToList(), next);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"UCI Online Retail: {invoices.Count:N0} invoices of known customers ({train.Count:N0} before {split:yyyy-MM-dd} to learn from, {test.Count:N0} from then); " +
            $"{evaluated:N0} evaluated invoices (the customer buys again within {horizonDays} days); rules: support ≥ {rules.MinSupport}, top {rules.TopK} per SKU, first {rules.MaxSkusPerBasket} SKUs of a basket"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"learnt in {learnt.TotalSeconds:0.0} s (reading included); {covered:N0} evaluated invoices ({100.0 * covered / Math.Max(1, evaluated):0.0}%) have three complements"));
        Console.WriteLine("| suggestions | hit rate@3 | precision@3 | suggested per invoice |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var score in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {score.Name} | {100.0 * score.Hits / Math.Max(1, evaluated):0.0}% | {100.0 * score.Bought / (3.0 * Math.Max(1, evaluated)):0.0}% | {(double)score.Suggested / Math.Max(1, evaluated):0.00} |"));
        }
        Console.WriteLine($"command: dotnet run -c Release --project bench/UniRetail.Bench -- complements --split {split:yyyy-MM-dd} --horizon-days {horizonDays}");
    }

    /// <summary>Invoices of known customers, product lines only, in file order; SKUs in line order.</summary>
    private static List<Invoice> Read(string path)
    {
        var invoices = new List<Invoice>();
        var byNumber = new Dictionary<string, (string Customer, DateTime At, List<Sku> Skus)>(StringComparer.Ordinal);
        foreach (var line in OnlineRetailFile.Read(path))
        {
            if (line.InvoiceNo.StartsWith('C') || line.Quantity <= 0 || string.IsNullOrEmpty(line.CustomerId) || line.StockCode.Length == 0 || !char.IsAsciiDigit(line.StockCode[0]))
                continue;
            var sku = Sku.Parse(line.StockCode.ToUpperInvariant());
            if (!sku.IsSuccess)
                continue;
            if (!byNumber.TryGetValue(line.InvoiceNo, out var invoice))
                byNumber[line.InvoiceNo] = invoice = (line.CustomerId, line.InvoiceDate, []);
            invoice.Skus.Add(sku.Value);
        }
        invoices.AddRange(byNumber.Values.Select(i => new Invoice(i.Customer, i.At, i.Skus)));
        return invoices;
    }
}
