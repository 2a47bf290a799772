using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Contracts;

/// <summary>A SKU's stock at one location. <see cref="Available"/> is what may be promised; <see cref="Shelf"/> what a customer can take off the shelf.</summary>
public sealed record StockPosition(Sku Sku, LocationId Location, int OnHand, int Reserved, int SafetyStock)
{
    /// <summary>Units that can be promised to an order without touching the safety stock.</summary>
    public int Available => Math.Max(0, OnHand - Reserved - SafetyStock);

    /// <summary>Units physically there and not held for anyone: what a till may sell.</summary>
    public int Shelf => Math.Max(0, OnHand - Reserved);
}

/// <summary>Whether a hold may use the safety stock.</summary>
public enum HoldPolicy
{
    /// <summary>Online promises never dip into safety stock.</summary>
    KeepSafetyStock,
    /// <summary>The customer holds the item in the store (POS, scan-and-go): the shelf is the limit.</summary>
    ShelfOnly,
    /// <summary>
    /// The till sold it already (an offline sale posted later): the shelf had it, so units the book stock lacks are booked in
    /// (a <c>count_variance</c> ledger entry) and listed as a discrepancy for the store to count; the hold never fails for stock.
    /// </summary>
    SoldAlready,
}

/// <summary>Units of one SKU to hold at one location. <paramref name="Field"/> names the request field a shortfall is reported at (<c>lines[2].quantity</c>).</summary>
public sealed record StockHoldLine(Sku Sku, LocationId Location, Quantity Quantity, string Field);

/// <summary>Holds for one reference, taken together until confirmed, consumed, released or expired (<paramref name="ExpiresAt"/> null: never).</summary>
public sealed record StockHolds(HoldReference Reference, IReadOnlyList<StockHoldLine> Lines, DateTimeOffset? ExpiresAt, HoldPolicy Policy);

/// <summary>
/// Stock movements other modules make inside their own write transaction (<see cref="DbSession"/>), so an order and
/// its stock change commit together or not at all. Every movement writes its ledger entry.
/// </summary>
public interface IStockMovements
{
    /// <summary>
    /// The committed positions of <paramref name="skus"/> at every location, read outside any write. They may be a moment
    /// old by the time a hold is taken; <see cref="HoldAsync"/> re-checks under the row's lock, so a stale read can only
    /// make a hold fail, never oversell.
    /// </summary>
    Task<IReadOnlyList<StockPosition>> PositionsAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct);

    /// <summary>The committed positions of <paramref name="skus"/> at one location (a SKU never stocked there is absent): one key lookup per SKU.</summary>
    Task<IReadOnlyList<StockPosition>> PositionsAtAsync(TenantId tenant, LocationId location, IReadOnlyCollection<Sku> skus, CancellationToken ct);

    /// <summary>
    /// Holds every line or none: fails with <c>inventory.insufficient_stock</c> at the first line that is not there (the caller's
    /// write then rolls back). The lines are taken in the inventory's lock order, whatever order they come in. Never oversells.
    /// </summary>
    Task<Result<Unit>> HoldAsync(DbSession session, TenantId tenant, StockHolds holds, CancellationToken ct);

    /// <summary>Makes the reference's active holds permanent (payment captured): they no longer expire. Returns how many.</summary>
    Task<int> ConfirmAsync(DbSession session, TenantId tenant, HoldReference reference, CancellationToken ct);

    /// <summary>Gives back every open hold of the reference (an order cancelled, a cart abandoned). Returns how many.</summary>
    Task<int> ReleaseAsync(DbSession session, TenantId tenant, HoldReference reference, string reason, CancellationToken ct);

    /// <summary>Turns the reference's open holds (at <paramref name="location"/> only, when given) into sales: the goods leave.</summary>
    Task<int> ConsumeAsync(DbSession session, TenantId tenant, HoldReference reference, LocationId? location, CancellationToken ct);

    /// <summary>
    /// Goods arriving at a location (a delivery another module booked in): a receipt entry whose reference is
    /// <paramref name="reference"/>. Fails with <c>inventory.level_too_large</c> when the level would pass its bound.
    /// </summary>
    Task<Result<Unit>> ReceiveAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, Quantity quantity, string reference, string field, CancellationToken ct);

    /// <summary>
    /// Takes back returned units into a location's sellable stock, or its damaged stock; <paramref name="returnId"/> is the
    /// ledger entry's reference. Fails with <c>inventory.level_too_large</c> when the level would pass its bound.
    /// </summary>
    Task<Result<Unit>> ReturnAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, Quantity quantity, string returnId, bool damaged, CancellationToken ct);
}

/// <summary>Units a till sold that the book stock did not have (<see cref="Reference"/>: the order): the store counts the SKU to settle it.</summary>
public sealed record StockDiscrepancy(string Id, Sku Sku, LocationId Location, int Units, string Reference, DateTimeOffset FoundAt);

/// <summary>The discrepancies <see cref="HoldPolicy.SoldAlready"/> holds recorded.</summary>
public interface IStockDiscrepancies
{
    /// <summary>A page of the discrepancies at <paramref name="location"/>, oldest first.</summary>
    Task<Slice<StockDiscrepancy>> ListAsync(TenantId tenant, LocationId location, PageQuery page, CancellationToken ct);
}

/// <summary>Published when an unconfirmed hold expired and its stock went back on sale; the order that held it reacts.</summary>
public sealed record StockHoldsExpired(TenantId Tenant, HoldReference Reference) : IDomainEvent;
