using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Wholesale;
using UniRetail.Network.Persistence;
using UniRetail.Network.Replenishment;
using UniRetail.Network.Wholesale;

namespace UniRetail.Network.ShopOrders;

/// <summary>
/// A shop orders from its platform: whole cases, at least each SKU's minimum, priced by the shop's monthly volume, held at
/// the platform's warehouse with the inventory's no-oversell hold, for the shop's next delivery day — all in one write.
/// A retried request with the same Idempotency-Key answers the first order.
/// </summary>
internal sealed class PlaceShopOrder(
    Database database,
    AgreementStore agreements,
    WholesaleStore wholesale,
    ShopOrderStore orders,
    ShopLocation locations,
    ILocationDirectory directory,
    ITenantDirectory tenants,
    IStockMovements stock,
    AdviseReplenishment advice,
    TimeProvider clock)
{
    public const int MaxLines = 200;

    private static readonly Error Duplicate = Error.Conflict("network.duplicate", "replay");

    private sealed record Wanted(string Sku, int Units, string Field);

    public async Task<Result<PlacedShopOrder>> HandleAsync(Caller shop, ShopOrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(request);
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl)))
            return NetworkErrors.BadIdempotencyKey();
        var requestHash = idempotencyKey is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var location = await locations.ResolveAsync(shop, request.LocationId, ct);
        if (!location.IsSuccess)
            return location.Error;
        if (await database.ReadAsync(c => agreements.ActiveAsync(c, null, shop.Tenant), ct) is not { } agreement)
            return NetworkErrors.NotAShop();
        var platform = new TenantId(agreement.PlatformId);
        var mappings = (await database.ReadAsync(c => wholesale.MappingsAsync(c, shop.Tenant), ct)).ToDictionary(m => m.WholesaleSku, StringComparer.Ordinal);
        var wanted = request.FromSuggestion == true
            ? await FromSuggestionAsync(shop, request, platform, mappings, ct)
            : FromLines(request);
        if (!wanted.IsSuccess)
            return wanted.Error;
        var items = (await database.ReadAsync(c => wholesale.ItemsAsync(c, null, platform, [.. wanted.Value.Select(w => w.Sku)]), ct))
            .ToDictionary(i => i.Sku, StringComparer.Ordinal);
        var lines = new List<ShopOrderLineRow>(wanted.Value.Count);
        foreach (var want in wanted.Value)
        {
            if (!items.TryGetValue(want.Sku, out var item))
                return NetworkErrors.UnknownWholesaleSku(want.Sku, want.Field.Replace(".units", ".sku", StringComparison.Ordinal));
            if (want.Units % item.CasePack != 0)
                return NetworkErrors.OffCasePack(want.Sku, item.CasePack, want.Field);
            if (want.Units / item.CasePack < item.MinimumCases)
                return NetworkErrors.BelowMinimum(want.Sku, item.MinimumCases, item.CasePack, want.Field);
            var sells = ManageWholesale.Sells(mappings.GetValueOrDefault(want.Sku), item);
            lines.Add(new ShopOrderLineRow
            {
                LineNo = lines.Count + 1, WholesaleSku = item.Sku, Cases = want.Units / item.CasePack, CasePack = item.CasePack,
                CasePriceMinor = item.CasePriceMinor, Sku = sells.Sku, UnitsPerCase = sells.UnitsPerCase,
            });
        }
        var currency = (await tenants.FindAsync(platform, ct))!.Currency;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var today = (await directory.FindAsync(shop.Tenant, location.Value, ct))!.LocalDay(now);
        var order = new ShopOrderRow
        {
            OrderId = NewId.With("sho"), ShopId = shop.Tenant.Value, PlatformId = platform.Value, AgreementId = agreement.AgreementId,
            LocationId = location.Value.Value, WarehouseId = agreement.WarehouseId, Status = ShopOrderStore.Placed, IdempotencyKey = idempotencyKey,
            RequestHash = requestHash, Currency = currency.Code, PlacedAtMs = now.ToUnixTimeMilliseconds(),
            DeliveryDay = DeliveryDays.Next(today, (DayOfWeek)agreement.DeliveryDay).DayNumber,
        };
        var placed = await database.WriteAsync(session => WriteAsync(session, order, lines, items, wanted.Value, ct), ct);
        if (!placed.IsSuccess && idempotencyKey is not null && await ReplayAsync(shop.Tenant, idempotencyKey, requestHash!, ct) is { } replay)
            return replay;
        return placed.Map(o => new PlacedShopOrder(o, false));
    }

    /// <summary>Prices the lines by the month's volume, claims the key, writes the order and holds the cases at the warehouse: all or nothing.</summary>
    private async Task<Result<ShopOrderView>> WriteAsync(
        DbSession session, ShopOrderRow order, List<ShopOrderLineRow> lines, Dictionary<string, WholesaleItemRow> items, IReadOnlyList<Wanted> wanted, CancellationToken ct)
    {
        var placedAt = DateTimeOffset.FromUnixTimeMilliseconds(order.PlacedAtMs);
        var monthStart = new DateTimeOffset(placedAt.Year, placedAt.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var month = await orders.CasesSinceAsync(session, new TenantId(order.ShopId), order.PlatformId, monthStart);
        var priced = lines.Select(l =>
        {
            var (price, tier) = TierPricing.CasePrice(items[l.WholesaleSku].CasePriceMinor, items[l.WholesaleSku].PriceTiers(), month.GetValueOrDefault(l.WholesaleSku) + l.Cases);
            return new ShopOrderLineRow
            {
                LineNo = l.LineNo, WholesaleSku = l.WholesaleSku, Cases = l.Cases, CasePack = l.CasePack, CasePriceMinor = price, TierFromCases = tier,
                Sku = l.Sku, UnitsPerCase = l.UnitsPerCase,
            };
        }).ToList();
        var written = new ShopOrderRow
        {
            OrderId = order.OrderId, ShopId = order.ShopId, PlatformId = order.PlatformId, AgreementId = order.AgreementId, LocationId = order.LocationId,
            WarehouseId = order.WarehouseId, Status = order.Status, IdempotencyKey = order.IdempotencyKey, RequestHash = order.RequestHash,
            Currency = order.Currency, TotalMinor = priced.Sum(l => l.CasePriceMinor * l.Cases), PlacedAtMs = order.PlacedAtMs, DeliveryDay = order.DeliveryDay,
        };
        if (!await orders.TryInsertAsync(session, written, priced))
            return Duplicate;
        var warehouse = new LocationId(order.WarehouseId);
        var holds = priced.Select((l, i) => new StockHoldLine(Sku.FromStored(l.WholesaleSku), warehouse, Quantity.FromStored(l.Cases * l.CasePack), wanted[i].Field)).ToList();
        var held = await stock.HoldAsync(session, new TenantId(order.PlatformId),
            new StockHolds(HoldReference.ForOrder(new OrderId(order.OrderId)), holds, null, HoldPolicy.KeepSafetyStock), ct);
        if (!held.IsSuccess)
            return held.Error;
        return ShopOrderView.From(written, priced);
    }

    private static Result<IReadOnlyList<Wanted>> FromLines(ShopOrderRequest request)
    {
        if (request.Lines is not { Count: > 0 and <= MaxLines } lines)
            return NetworkErrors.BadOrderLines(MaxLines);
        var wanted = new List<Wanted>(lines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
                return NetworkErrors.Required($"lines[{i}]");
            var sku = Sku.Parse(line.Sku, $"lines[{i}].sku");
            if (!sku.IsSuccess)
                return sku.Error;
            if (line.Units is not { } units || units < 1 || units > Quantity.Max)
                return NetworkErrors.BadOrderUnits($"lines[{i}].units");
            if (!seen.Add(sku.Value.Value))
                return NetworkErrors.DuplicateLine(sku.Value.Value, $"lines[{i}].sku");
            wanted.Add(new Wanted(sku.Value.Value, units, $"lines[{i}].units"));
        }
        return wanted;
    }

    /// <summary>
    /// The suggested order in wholesale cases: each suggested SKU through the shop's mapping (or the same SKU), its units
    /// rounded up to whole cases and at least the minimum; SKUs the platform does not sell are left out.
    /// </summary>
    private async Task<Result<IReadOnlyList<Wanted>>> FromSuggestionAsync(
        Caller shop, ShopOrderRequest request, TenantId platform, Dictionary<string, MappingRow> mappings, CancellationToken ct)
    {
        if (request.Lines is { Count: > 0 })
            return NetworkErrors.LinesOrSuggestion();
        var suggested = await advice.HandleAsync(shop, request.LocationId, ct);
        if (!suggested.IsSuccess)
            return suggested.Error;
        var byShopSku = mappings.Values.GroupBy(m => m.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var candidates = suggested.Value.Lines.Where(l => l.SuggestedUnits > 0)
            .Select(l => (Line: l, Mapping: byShopSku.GetValueOrDefault(l.Sku)))
            .Select(c => (c.Line, c.Mapping, WholesaleSku: c.Mapping?.WholesaleSku ?? c.Line.Sku)).ToList();
        if (candidates.Count == 0)
            return NetworkErrors.NothingToOrder();
        var items = (await database.ReadAsync(c => wholesale.ItemsAsync(c, null, platform, [.. candidates.Select(c => c.WholesaleSku)]), ct))
            .ToDictionary(i => i.Sku, StringComparer.Ordinal);
        var wanted = new List<Wanted>();
        foreach (var (line, mapping, sku) in candidates)
        {
            if (!items.TryGetValue(sku, out var item) || wanted.Any(w => w.Sku == sku))
                continue;
            var unitsPerCase = mapping?.UnitsPerCase ?? item.CasePack;
            var cases = Math.Max(item.MinimumCases, (line.SuggestedUnits + unitsPerCase - 1) / unitsPerCase);
            if ((long)cases * item.CasePack > Quantity.Max || wanted.Count == MaxLines)
                continue;
            wanted.Add(new Wanted(sku, cases * item.CasePack, "fromSuggestion"));
        }
        return wanted.Count == 0 ? NetworkErrors.NothingToOrder() : wanted;
    }

    private async Task<Result<PlacedShopOrder>?> ReplayAsync(TenantId shop, string key, string requestHash, CancellationToken ct)
    {
        var existing = await database.ReadAsync(async c =>
            await orders.FindByKeyAsync(c, shop, key) is { } found ? (Order: (ShopOrderRow?)found, Lines: await orders.LinesAsync(c, null, found.OrderId)) : default, ct);
        if (existing.Order is null)
            return null;
        return existing.Order.RequestHash == requestHash
            ? new PlacedShopOrder(ShopOrderView.From(existing.Order, existing.Lines), true)
            : NetworkErrors.IdempotencyKeyReused();
    }
}
