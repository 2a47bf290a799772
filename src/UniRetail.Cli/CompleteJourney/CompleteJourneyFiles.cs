using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace UniRetail.Cli.CompleteJourney;

internal sealed record CjCampaign(string Id, string Type, DateOnly Start, DateOnly End);

internal sealed record CjCoupon(string CampaignId, string Upc);

internal sealed record CjRedemption(string Household, string Upc, string CampaignId, DateOnly Date);

/// <summary>
/// The coupon files of 84.51°'s "The Complete Journey 2.0" (CC0; see <c>../shared/data/README.md</c>): campaigns and their
/// dates, the coupons (UPC per campaign; a coupon's product list is collapsed to the coupon), who received which campaign,
/// and the redemptions.
/// </summary>
internal sealed record CompleteJourneyFiles(
    IReadOnlyList<CjCampaign> Campaigns, IReadOnlyList<CjCoupon> Coupons, IReadOnlyList<(string CampaignId, string Household)> Received, IReadOnlyList<CjRedemption> Redemptions)
{
    public const string RelativePath = "shared/data/completejourney-2";
    public static readonly string[] Files = ["campaign_descriptions.csv", "campaigns.csv", "coupons.csv.gz", "coupon_redemptions.csv"];

    /// <summary>The data folder, looked for in <c>../shared/data</c> from the current folder and its parents; null when absent.</summary>
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (Files.All(f => File.Exists(Path.Combine(candidate, f))))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>Reads the four files of <paramref name="directory"/>; a missing file or a malformed row throws with the file and line.</summary>
    public static CompleteJourneyFiles Read(string directory)
    {
        foreach (var file in Files)
        {
            if (!File.Exists(Path.Combine(directory, file)))
                throw new FileNotFoundException($"{file} is missing from {directory}.");
        }
        var campaigns = Rows(directory, "campaign_descriptions.csv", r => new CjCampaign(r("campaign_id"), r("campaign_type"), Day(r("start_date")), Day(r("end_date"))));
        var coupons = Rows(directory, "coupons.csv.gz", r => new CjCoupon(r("campaign_id"), r("coupon_upc"))).Distinct().ToList();
        var received = Rows(directory, "campaigns.csv", r => (r("campaign_id"), r("household_id")));
        var redemptions = Rows(directory, "coupon_redemptions.csv", r => new CjRedemption(r("household_id"), r("coupon_upc"), r("campaign_id"), Day(r("redemption_date"))));
        return new CompleteJourneyFiles(campaigns, coupons, received, redemptions);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<T> Rows<T>(string directory, string name, Func<Func<string, string>, T> map)
    {
        var path = Path.Combine(directory, name);
        using var file = File.OpenRead(path);
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        reader.ReadHeader();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<T>();
        while (reader.Read())
        {
            try
            {
                rows.Add(map(column =>
                {
                    if (!columns.TryGetValue(column, out var index))
                        columns[column] = index = reader.TryGetFieldIndex(column, out var found) ? found : throw new InvalidDataException($"no '{column}' column");
                    return reader.GetString(index).Trim() is { Length: > 0 } value ? value : throw new InvalidDataException($"'{column}' is empty");
                }));
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{name} line {reader.LineNumber}: {ex.Message}", ex);
            }
        }
        return rows;
    }
}
