using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace UniRetail.Cli.Demo;

/// <summary>One invoice line of the UCI Online Retail data set.</summary>
internal sealed record OnlineRetailLine(string InvoiceNo, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal UnitPrice, string? CustomerId, string Country);

/// <summary>Reads <c>shared/data/online-retail/online_retail.csv.gz</c>, found from the working directory or the program's folder.</summary>
internal static class OnlineRetailFile
{
    public const string RelativePath = "shared/data/online-retail/online_retail.csv.gz";

    /// <summary>The data file, looked for in <c>../shared/data</c> from the current folder and its parents; null when absent.</summary>
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    public static IEnumerable<OnlineRetailLine> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = CsvReader.Create(gzip, new CsvReaderOptions { Separator = ',' });
        reader.ReadHeader();
        var column = reader.Headers.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        int customer = column["CustomerID"], invoice = column["InvoiceNo"], stock = column["StockCode"], description = column["Description"],
            quantity = column["Quantity"], date = column["InvoiceDate"], price = column["UnitPrice"], country = column["Country"];
        while (reader.Read())
        {
            var customerId = reader.GetString(customer);
            yield return new OnlineRetailLine(
                reader.GetString(invoice),
                reader.GetString(stock),
                reader.GetString(description),
                int.Parse(reader.GetString(quantity), CultureInfo.InvariantCulture),
                DateTime.ParseExact(reader.GetString(date), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                decimal.Parse(reader.GetString(price), CultureInfo.InvariantCulture),
                customerId.Length > 0 ? customerId : null,
                reader.GetString(country));
        }
    }
}
