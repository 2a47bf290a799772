using System.Globalization;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Replenishment;

/// <summary>A shop's sales by day and SKU (from its till or an upload). A day sent again replaces the day's units.</summary>
public sealed record ShopSalesRequest(string? LocationId, IReadOnlyList<ShopSalesLine?>? Days);

public sealed record ShopSalesLine(string? Date, string? Sku, int? Units);

public sealed record ShopSalesView(string LocationId, int Days);

internal sealed class RecordShopSales(Database database, ShopStore store, ShopLocation locations)
{
    public const int MaxLines = 5_000;
    public const int MaxUnits = 100_000;

    public async Task<Result<ShopSalesView>> HandleAsync(Caller caller, ShopSalesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Days is not { Count: > 0 and <= MaxLines } days)
            return NetworkErrors.BadSalesLines("days", MaxLines);
        var rows = new List<DailySalesRow>(days.Count);
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < days.Count; i++)
        {
            var line = days[i];
            var field = $"days[{i}]";
            if (line is null)
                return NetworkErrors.Required(field);
            if (!DateOnly.TryParseExact(line.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return NetworkErrors.BadDate(line.Date, $"{field}.date");
            var sku = Sku.Parse(line.Sku, $"{field}.sku");
            if (!sku.IsSuccess)
                return sku.Error;
            if (line.Units is not { } units || units < 0 || units > MaxUnits)
                return NetworkErrors.BadUnits($"{field}.units");
            if (!seen.Add((sku.Value.Value, date.DayNumber)))
                return NetworkErrors.DuplicateSalesDay(sku.Value, date, field);
            rows.Add(new DailySalesRow { Sku = sku.Value.Value, Day = date.DayNumber, Units = units });
        }
        var location = await locations.ResolveAsync(caller, request.LocationId, ct);
        if (!location.IsSuccess)
            return location.Error;
        return await database.WriteAsync<ShopSalesView>(async session =>
        {
            await store.UpsertSalesAsync(session, caller.Tenant, location.Value, rows);
            return new ShopSalesView(location.Value.Value, rows.Count);
        }, ct);
    }
}
