using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Queries;

internal sealed record StockLevelView(string Sku, string LocationId, long OnHand, long Reserved, long SafetyStock, long Damaged, long Available);

internal sealed record LocationAtp(string LocationId, string Code, string Kind, long Available, long Shelf);

/// <summary>Available to promise for one SKU: per location and network-wide.</summary>
internal sealed record AtpView(string Sku, long NetworkAvailable, IReadOnlyList<LocationAtp> Locations);

/// <summary>A ledger entry. Its storage sequence number is not shown: numbered across tenants, it would tell one tenant how busy the others are.</summary>
internal sealed record LedgerEntryView(string Sku, string LocationId, string Kind, long OnHandDelta, long ReservedDelta, long DamagedDelta,
    string? Reference, string? Reason, DateTimeOffset OccurredAt);

/// <summary>The ledger check: every level equals the sum of its entries.</summary>
internal sealed record LedgerCheckView(bool Consistent, long LevelsChecked, IReadOnlyList<LedgerMismatch> Mismatches);

/// <summary>Reads of stock: levels, available to promise, the ledger, and the ledger check. Any role.</summary>
internal sealed class StockQueries(Database database, StockStore levels, ILocationDirectory locations)
{
    /// <summary>Stock levels in (SKU, location) order.</summary>
    public async Task<Slice<StockLevelView>> LevelsAsync(Caller caller, string? sku, string? location, PageQuery page, CancellationToken ct)
    {
        var rows = await database.ReadAsync(c => levels.LevelsAsync(c, caller.Tenant, sku, location, page), ct);
        return Slice<LevelRow>.Of(rows, page, r => $"{r.Sku}\n{r.Location}")
            .Map(r => new StockLevelView(r.Sku, r.Location, r.OnHand, r.Reserved, r.SafetyStock, r.Damaged, r.ToPosition().Available));
    }

    /// <summary>The most stock alerts <see cref="BelowSafetyAsync"/> returns.</summary>
    public const int MaxAlerts = 100;

    /// <summary>Stock alerts: levels below their safety stock (shelf stock under it), in (SKU, location) order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StockLevelView>> BelowSafetyAsync(Caller caller, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await database.ReadAsync(c => levels.BelowSafetyAsync(c, caller.Tenant, Math.Clamp(limit, 1, MaxAlerts)), ct);
        return rows.Select(r => new StockLevelView(r.Sku, r.Location, r.OnHand, r.Reserved, r.SafetyStock, r.Damaged, r.ToPosition().Available)).ToList();
    }

    public async Task<Result<AtpView>> AtpAsync(Caller caller, string? skuCode, CancellationToken ct)
    {
        var sku = Sku.Parse(skuCode);
        if (!sku.IsSuccess)
            return sku.Error;
        var positions = await database.ReadAsync(c => levels.PositionsAsync(c, caller.Tenant, [sku.Value]), ct);
        var byLocation = (await locations.ListAsync(caller.Tenant, ct)).ToDictionary(l => l.Id);
        var perLocation = positions
            .Where(p => byLocation.ContainsKey(p.Location))
            .Select(p => new LocationAtp(p.Location.Value, byLocation[p.Location].Code, KindName(byLocation[p.Location].Kind), p.Available, p.Shelf))
            .OrderByDescending(l => l.Available).ThenBy(l => l.Code)
            .ToList();
        return new AtpView(sku.Value.Value, perLocation.Sum(l => l.Available), perLocation);
    }

    /// <summary>A SKU's ledger entries in the order they were written.</summary>
    public async Task<Result<Slice<LedgerEntryView>>> LedgerAsync(Caller caller, string? sku, string? location, PageQuery page, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(sku))
            return InventoryErrors.SkuRequired();
        var after = long.TryParse(page.After, System.Globalization.CultureInfo.InvariantCulture, out var entry) ? entry : 0;
        var rows = await database.ReadAsync(c => levels.LedgerAsync(c, caller.Tenant, sku, location, after, page.RowsToRead), ct);
        return Slice<LedgerRow>.Of(rows, page, r => r.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Map(r => new LedgerEntryView(r.Sku, r.Location, r.Kind, r.OnHandDelta, r.ReservedDelta, r.DamagedDelta, r.Reference, r.Reason,
            DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAtMs)));
    }

    /// <summary>The kind as the locations API writes it (Identity keeps its names to itself).</summary>
    private static string KindName(LocationKind kind) => kind switch
    {
        LocationKind.Warehouse => "warehouse",
        LocationKind.Store => "store",
        LocationKind.PickupPoint => "pickup_point",
        _ => "partner_shop",
    };

    /// <summary>Stock levels that promise more than is there (reserved above on hand, or on hand below zero); 0 means no oversell.</summary>
    public Task<long> OversoldAsync(Caller? caller, CancellationToken ct) =>
        database.ReadAsync(c => levels.CountOversoldAsync(c, caller?.Tenant), ct);

    /// <summary>Checks the caller's tenant, or with a null caller every tenant (the CLI's platform-wide check).</summary>
    public async Task<LedgerCheckView> VerifyAsync(Caller? caller, CancellationToken ct)
    {
        var (mismatches, count) = await database.ReadAsync(async c =>
            (await levels.MismatchesAsync(c, caller?.Tenant), await levels.CountLevelsAsync(c, caller?.Tenant)), ct);
        return new LedgerCheckView(mismatches.Count == 0, count, mismatches);
    }
}
