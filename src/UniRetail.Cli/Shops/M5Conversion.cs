using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace UniRetail.Cli.Shops;

/// <summary>
/// Turns the M5 subset's long file (<c>item_id,…,store_id,…,value,date,…</c>, one row per item, store and day, zeros
/// included) into the backtest's sales file (<c>date,store,sku,units</c>, one row per day with sales). Streams: memory
/// does not grow with the file.
/// </summary>
internal static class M5Conversion
{
    private static readonly string[] Columns = ["date", "store_id", "item_id", "value"];

    public static (long Read, long Written) Convert(string input, TextWriter output)
    {
        using var file = File.OpenRead(input);
        using Stream stream = input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        var column = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            if (!csv.TryGetFieldIndex(Columns[c], out column[c]))
                throw new InvalidDataException($"{Path.GetFileName(input)} line 1: no '{Columns[c]}' column (is this the M5 long file?)");
        }
        output.WriteLine("date,store,sku,units");
        long read = 0, written = 0;
        while (csv.Read())
        {
            read++;
            var value = csv.GetString(column[3]);
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
                throw new InvalidDataException($"{Path.GetFileName(input)} line {csv.LineNumber}: value '{value}' is not a whole number of units");
            if (units == 0)
                continue;
            output.Write(csv.GetString(column[0]));
            output.Write(',');
            output.Write(csv.GetString(column[1]));
            output.Write(',');
            output.Write(csv.GetString(column[2]));
            output.Write(',');
            output.WriteLine(units.ToString(CultureInfo.InvariantCulture));
            written++;
        }
        return (read, written);
    }
}
