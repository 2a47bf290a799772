using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using UniRetail.Kernel;

namespace UniRetail.Cli.OnlineRetail;

/// <summary>One invoice line of the UCI Online Retail data set.</summary>
internal sealed record OnlineRetailLine(string InvoiceNo, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal UnitPrice, string? CustomerId, string Country);

/// <summary>A record of the file: its line, and either the invoice line read from it or why it could not be read.</summary>
internal sealed record OnlineRetailRow(long LineNumber, OnlineRetailLine? Line, string? Problem);

/// <summary>
/// Reads <c>shared/data/online-retail/online_retail.csv.gz</c> (or any file of its columns, gzipped or not): a record that
/// does not parse is handed back with its problem instead of stopping the file.
/// </summary>
internal static class OnlineRetailFile
{
    public const string RelativePath = "shared/data/online-retail/online_retail.csv.gz";
    private static readonly string[] Columns = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

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

    /// <summary>The well-formed lines of the file (the demo's catalog needs no more).</summary>
    public static IEnumerable<OnlineRetailLine> Read(string path)
    {
        using var file = File.OpenRead(path);
        var rows = ReadRows(file);
        if (!rows.IsSuccess)
            throw new InvalidDataException(rows.Error.Message);
        foreach (var row in rows.Value)
        {
            if (row.Line is not null)
                yield return row.Line;
        }
    }

    /// <summary>
    /// The records of <paramref name="csv"/>, gunzipped when it starts with the gzip magic bytes; fails when the header lacks
    /// a column. Rows are read as they are enumerated; the stream must stay open until then.
    /// </summary>
    public static Result<IEnumerable<OnlineRetailRow>> ReadRows(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var gzipped = IsGzip(csv);
        var input = gzipped ? new GZipStream(csv, CompressionMode.Decompress, leaveOpen: true) : csv;
        var malformed = new Queue<OnlineRetailRow>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(new OnlineRetailRow(record.LineNumber, null, $"malformed CSV ({record.Reason})")),
        };
        // The reader disposes the gzip stream it was given, never the caller's stream.
        var reader = CsvReader.Create(input, options, leaveOpen: !gzipped);
        reader.ReadHeader();
        var column = new int[Columns.Length];
        for (var i = 0; i < Columns.Length; i++)
        {
            if (!reader.TryGetFieldIndex(Columns[i], out column[i]))
            {
                reader.Dispose();
                return Error.Validation("online_retail.missing_column", $"The file has no '{Columns[i]}' column.", Columns[i]);
            }
        }
        return Result<IEnumerable<OnlineRetailRow>>.Success(Rows(reader, column, malformed));
    }

    private static IEnumerable<OnlineRetailRow> Rows(CsvReader reader, int[] column, Queue<OnlineRetailRow> malformed)
    {
        using (reader)
        {
            while (reader.Read())
            {
                while (malformed.TryDequeue(out var skipped))
                    yield return skipped;
                yield return Parse(reader, column);
            }
            while (malformed.TryDequeue(out var skipped))
                yield return skipped;
        }
    }

    private static OnlineRetailRow Parse(CsvReader reader, int[] column)
    {
        var line = reader.LineNumber;
        if (reader.FieldCount < Columns.Length)
            return new OnlineRetailRow(line, null, $"{reader.FieldCount} fields instead of {Columns.Length}");
        string Field(int c) => reader.GetString(column[c]).Trim();
        var invoice = Field(0);
        var stockCode = Field(1);
        if (invoice.Length == 0 || stockCode.Length == 0)
            return new OnlineRetailRow(line, null, invoice.Length == 0 ? "no InvoiceNo" : "no StockCode");
        if (!int.TryParse(Field(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
            return new OnlineRetailRow(line, null, $"Quantity '{Field(3)}' is not a whole number");
        if (!DateTime.TryParseExact(Field(4), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new OnlineRetailRow(line, null, $"InvoiceDate '{Field(4)}' is not yyyy-MM-dd HH:mm:ss");
        if (!decimal.TryParse(Field(5), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var price))
            return new OnlineRetailRow(line, null, $"UnitPrice '{Field(5)}' is not a number");
        var customer = CustomerId(Field(6));
        if (customer is { Length: 0 })
            return new OnlineRetailRow(line, null, $"CustomerID '{Field(6)}' is not a number");
        return new OnlineRetailRow(line, new OnlineRetailLine(invoice, stockCode, Field(2), quantity, date, price, customer, Field(7)), null);
    }

    /// <summary>The customer's digits; null when the cell is empty, "" when it is not a customer number.</summary>
    private static string? CustomerId(string cell)
    {
        if (cell.Length == 0)
            return null;
        // Copies of the data set that went through pandas write the ids as floats ("17850.0").
        var digits = cell.EndsWith(".0", StringComparison.Ordinal) ? cell[..^2] : cell;
        return digits.Length is > 0 and <= 20 && digits.All(char.IsAsciiDigit) ? digits : "";
    }

    private static bool IsGzip(Stream stream)
    {
        if (!stream.CanSeek)
            return false;
        Span<byte> magic = stackalloc byte[2];
        var start = stream.Position;
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
