using System.Globalization;
using CsvHelper;
using UniRetail.Kernel;
using UniRetail.Network.Domain;

namespace UniRetail.Network.Backtesting;

/// <summary>One store's daily units of one SKU, from its first sale to the file's last day (days without a row are zero).</summary>
internal sealed record SalesSeries(string Store, string Sku, DateOnly First, double[] Units);

/// <summary>A sales file read into dense daily series.</summary>
internal sealed record SalesHistory(IReadOnlyList<SalesSeries> Series, long Rows, DateOnly First, DateOnly Last)
{
    /// <summary>The longest span a file may cover, which bounds the memory a series takes.</summary>
    public const int MaxDays = 3_660;

    public const int MaxKeyLength = 64;

    public const int MaxUnits = 100_000;

    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>
    /// Reads a CSV with the columns <c>date,store,sku,units</c> (in any order, more columns ignored; dates yyyy-MM-dd;
    /// units a whole number from 0 to 100,000). Several rows for one store, SKU and day add up. The first bad row
    /// fails the whole file with its line number. Work and memory are linear in the rows and the series' days.
    /// </summary>
    public static Result<SalesHistory> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        try
        {
            var header = csv.Headers;
            if (header.Count == 0)
                return NetworkErrors.SalesFileEmpty();
            var columns = new int[4];
            string[] names = ["date", "store", "sku", "units"];
            for (var c = 0; c < names.Length; c++)
            {
                columns[c] = -1;
                for (var h = 0; h < header.Count; h++)
                {
                    if (string.Equals(header[h].Trim(), names[c], StringComparison.OrdinalIgnoreCase))
                        columns[c] = h;
                }
                if (columns[c] < 0)
                    return NetworkErrors.SalesFileMissingColumn(names[c]);
            }
            return ReadRows(csv, columns);
        }
        catch (CsvFormatException)
        {
            return Error.Validation("network.sales_file_malformed", $"line {csv.LineNumber}: not a well-formed CSV row.", "file");
        }
    }

    private static Result<SalesHistory> ReadRows(CsvReader csv, int[] columns)
    {
        var index = new Dictionary<(string Store, string Sku), int>();
        var sales = new List<Dictionary<int, double>>();
        var keys = new List<(string Store, string Sku)>();
        int first = int.MaxValue, last = int.MinValue;
        long rows = 0;
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount <= columns.Max())
                return NetworkErrors.SalesFileShortRow(line, csv.FieldCount);
            var dateText = csv.GetString(columns[0]).Trim();
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return NetworkErrors.SalesFileBadDate(line, dateText);
            var store = csv.GetString(columns[1]).Trim();
            if (string.IsNullOrEmpty(store) || store.Length > MaxKeyLength)
                return NetworkErrors.SalesFileBadKey(line, "store");
            var sku = csv.GetString(columns[2]).Trim();
            if (string.IsNullOrEmpty(sku) || sku.Length > MaxKeyLength)
                return NetworkErrors.SalesFileBadKey(line, "sku");
            var unitsText = csv.GetString(columns[3]).Trim();
            if (!int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units > MaxUnits)
                return NetworkErrors.SalesFileBadUnits(line, unitsText);
            var day = date.DayNumber;
            if (Math.Max(last, day) - Math.Min(first, day) >= MaxDays)
                return NetworkErrors.SalesFileTooLong(line, MaxDays);
            first = Math.Min(first, day);
            last = Math.Max(last, day);
            if (!index.TryGetValue((store, sku), out var s))
            {
                s = sales.Count;
                index.Add((store, sku), s);
                keys.Add((store, sku));
                sales.Add([]);
            }
            sales[s][day] = sales[s].GetValueOrDefault(day) + units;
            rows++;
        }
        if (rows == 0)
            return new SalesHistory([], 0, default, default);
        var series = new SalesSeries[sales.Count];
        for (var s = 0; s < sales.Count; s++)
        {
            var start = sales[s].Keys.Min();
            var units = new double[last - start + 1];
            foreach (var (day, u) in sales[s])
                units[day - start] = u;
            series[s] = new SalesSeries(keys[s].Store, keys[s].Sku, DateOnly.FromDayNumber(start), units);
        }
        return new SalesHistory(series, rows, DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last));
    }
}
