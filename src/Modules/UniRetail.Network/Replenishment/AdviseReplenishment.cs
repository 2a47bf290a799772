using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain.Replenishment;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Replenishment;

/// <summary>Why a quantity is suggested: the forecast over the cover, the safety stock, and what the shop holds and awaits.</summary>
public sealed record AdviceWhy(
    string Method,
    double ForecastUnits,
    int CoverDays,
    int LeadTimeDays,
    int CycleDays,
    decimal ServiceLevel,
    double SafetyStock,
    int OrderUpTo,
    int OnHand,
    int OnOrder,
    int Shortfall,
    int CasePack,
    int MinimumUnits);

/// <summary>One SKU's suggested order for the next delivery: units (whole cases, at least the minimum order) and why.</summary>
public sealed record AdviceLine(string Sku, int SuggestedUnits, int Cases, AdviceWhy Why);

/// <summary>The suggested order of one shop location, for every SKU it has reorder settings for.</summary>
public sealed record ReplenishmentView(string LocationId, DateOnly AsOf, int HistoryDays, IReadOnlyList<AdviceLine> Lines);

/// <summary>
/// Suggests the next delivery's order for every configured SKU of a shop location: each SKU's demand forecast from its
/// last <see cref="HistoryDays"/> days of sales (method chosen per SKU by backtest), the free stock on hand from the
/// inventory, the units on order (those the shop set for orders placed elsewhere, plus its open shop orders from its
/// platform, in its own units), the reorder settings. Work is linear in SKUs × days, bounded by <see cref="MaxSkus"/>.
/// </summary>
internal sealed class AdviseReplenishment(Database database, ShopStore store, ShopOrderStore shopOrders, ShopLocation locations, ILocationDirectory directory, IStockMovements stock, TimeProvider clock)
{
    public const int MaxSkus = 2_000;
    public const int HistoryDays = 364;

    public async Task<Result<ReplenishmentView>> HandleAsync(Caller caller, string? locationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var resolved = await locations.ResolveAsync(caller, locationId, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var location = resolved.Value;
        var info = await directory.FindAsync(caller.Tenant, location, ct);
        var today = info!.LocalDay(clock.GetUtcNow());
        var from = today.DayNumber - HistoryDays;
        var (skus, sales, ordered) = await database.ReadAsync(async connection =>
            (await store.SkusAsync(connection, caller.Tenant, location, MaxSkus),
             await store.SalesAsync(connection, caller.Tenant, location, from, today.DayNumber),
             await shopOrders.OpenUnitsAsync(connection, caller.Tenant, location)), ct);
        var positions = skus.Count == 0
            ? []
            : await stock.PositionsAsync(caller.Tenant, [.. skus.Select(s => Sku.FromStored(s.Sku))], ct);
        var onHand = positions.Where(p => p.Location == location).ToDictionary(p => p.Sku.Value, p => p.Shelf, StringComparer.Ordinal);
        var bySku = sales.GroupBy(s => s.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lines = new List<AdviceLine>(skus.Count);
        foreach (var setting in skus)
        {
            var policy = OrderPolicy.Create(setting.ServiceLevelPermille / 1000m, setting.LeadTimeDays, setting.CycleDays, setting.CasePack, setting.MinimumUnits).Value;
            var history = Series(bySku.GetValueOrDefault(setting.Sku), today.DayNumber);
            var onOrder = setting.OnOrder + ordered.GetValueOrDefault(setting.Sku);
            var advice = Replenisher.Advise(history, policy, onHand.GetValueOrDefault(setting.Sku), onOrder);
            lines.Add(new AdviceLine(setting.Sku, advice.Units, advice.Cases, new AdviceWhy(
                advice.Method, advice.ForecastUnits, policy.CoverDays, policy.LeadTimeDays, policy.CycleDays, policy.ServiceLevel, advice.SafetyStock,
                advice.OrderUpTo, advice.OnHand, advice.OnOrder, advice.Shortfall, policy.CasePack, policy.MinimumUnits)));
        }
        return new ReplenishmentView(location.Value, today, HistoryDays, lines);
    }

    // From the SKU's first sale in the window to yesterday, days without a row as zero; no sales at all: no history.
    private static double[] Series(List<DailySalesRow>? rows, int today)
    {
        if (rows is not { Count: > 0 })
            return [];
        var first = rows[0].Day;
        var series = new double[today - first];
        foreach (var row in rows)
            series[row.Day - first] = row.Units;
        return series;
    }
}
