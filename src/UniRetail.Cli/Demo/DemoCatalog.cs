using System.Globalization;
using System.Text;
using Bogus;
using UniRetail.Cli.OnlineRetail;

namespace UniRetail.Cli.Demo;

/// <summary>A product of the demo catalog, with how often it sold (drives what demo shoppers pick).</summary>
internal sealed record DemoProduct(string Sku, string Name, string Category, decimal Price, long UnitsSold);

/// <summary>The demo's catalog: the best sellers of the Online Retail data set at their usual price, or generated ones when the file is absent.</summary>
internal static class DemoCatalog
{
    private static readonly (string Word, string Category)[] Categories =
    [
        ("CHRISTMAS", "Seasonal/Christmas"), ("EASTER", "Seasonal/Easter"), ("BAG", "Bags"), ("CANDLE", "Home/Lighting"),
        ("T-LIGHT", "Home/Lighting"), ("LANTERN", "Home/Lighting"), ("LIGHT", "Home/Lighting"), ("MUG", "Kitchen & Dining"),
        ("CUP", "Kitchen & Dining"), ("PLATE", "Kitchen & Dining"), ("BOWL", "Kitchen & Dining"), ("CAKE", "Kitchen & Dining"),
        ("BAKING", "Kitchen & Dining"), ("JAR", "Kitchen & Dining"), ("LUNCH BOX", "Kitchen & Dining"), ("TEA", "Kitchen & Dining"),
        ("CARD", "Stationery & Gift Wrap"), ("WRAP", "Stationery & Gift Wrap"), ("PAPER", "Stationery & Gift Wrap"),
        ("NOTEBOOK", "Stationery & Gift Wrap"), ("GARDEN", "Garden"), ("CHILDRENS", "Kids"), ("DOLLY", "Kids"), ("SPACEBOY", "Kids"),
        ("HEART", "Home/Decor"), ("SIGN", "Home/Decor"), ("FRAME", "Home/Decor"), ("CLOCK", "Home/Decor"), ("CUSHION", "Home/Decor"),
        ("DOORMAT", "Home/Decor"), ("BOTTLE", "Home/Textiles"),
    ];

    public static IReadOnlyList<DemoProduct> FromOnlineRetail(string path, int count)
    {
        var products = new Dictionary<string, (Dictionary<string, int> Names, Dictionary<decimal, int> Prices, long Units)>(StringComparer.Ordinal);
        foreach (var line in OnlineRetailFile.Read(path))
        {
            // Postage, fees and manual adjustments have letter codes; real goods start with a digit.
            if (line.Quantity <= 0 || line.UnitPrice <= 0 || line.InvoiceNo.StartsWith('C') || !char.IsAsciiDigit(line.StockCode[0]))
                continue;
            if (!products.TryGetValue(line.StockCode, out var p))
                products[line.StockCode] = p = (new Dictionary<string, int>(), new Dictionary<decimal, int>(), 0);
            if (line.Description.Length > 0)
                p.Names[line.Description] = p.Names.GetValueOrDefault(line.Description) + 1;
            p.Prices[line.UnitPrice] = p.Prices.GetValueOrDefault(line.UnitPrice) + 1;
            products[line.StockCode] = p with { Units = p.Units + line.Quantity };
        }
        return products
            .Where(p => p.Value.Names.Count > 0)
            .OrderByDescending(p => p.Value.Units).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p =>
            {
                var name = p.Value.Names.MaxBy(n => n.Value).Key.Trim();
                return new DemoProduct(p.Key, ToTitle(name), CategoryOf(name), p.Value.Prices.MaxBy(x => x.Value).Key, p.Value.Units);
            })
            .ToList();
    }

    public static IReadOnlyList<DemoProduct> Generated(int count)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(20101201) };
        return Enumerable.Range(0, count)
            .Select(i => new DemoProduct($"G{10000 + i}", faker.Commerce.ProductName(), faker.Commerce.Department(1),
                Math.Round(faker.Random.Decimal(0.5m, 40m), 2), faker.Random.Long(10, 5000)))
            .ToList();
    }

    /// <summary>The catalog as the CSV that <c>uniretail import catalog</c> takes, each SKU with a minted GTIN-13.</summary>
    public static string ToCsv(IReadOnlyList<DemoProduct> products, Func<string, string> gtinWithCheckDigit)
    {
        var csv = new StringBuilder("product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes\n");
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            // 50 = GS1 UK prefix range; twelve digits, then the check digit.
            var gtin = gtinWithCheckDigit($"5012345{i:D5}");
            csv.Append(CultureInfo.InvariantCulture, $"{p.Sku},{Quote(p.Name)},{Quote(p.Category)},{p.Sku},{gtin},{Quote(p.Name)},{p.Price},GBP,source=online-retail\n");
        }
        return csv.ToString();
    }

    private static string CategoryOf(string name) =>
        Categories.FirstOrDefault(c => name.Contains(c.Word, StringComparison.OrdinalIgnoreCase)).Category ?? "Gifts";

    private static string ToTitle(string name) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
