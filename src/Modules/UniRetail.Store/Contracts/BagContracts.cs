using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Store.Contracts;

/// <summary>A line of a bag as a checkout takes it: the SKU, the barcode it was scanned by, and how many.</summary>
public sealed record BagLineToCheckOut(Sku Sku, string Gtin, Quantity Quantity);

/// <summary>
/// An open bag as a checkout reads it before its write: whose it is, where, its lines, and its <see cref="Version"/>, which
/// <see cref="IBagCheckout.CheckOutAsync"/> checks so that a scan between the read and the sale is not lost.
/// </summary>
public sealed record BagToCheckOut(string BagId, MemberId Member, LocationId Store, long Version, IReadOnlyList<BagLineToCheckOut> Lines);

/// <summary>What a till or a self-checkout needs of a scan-to-bag bag (the bag's own endpoints never check out).</summary>
public interface IBagCheckout
{
    /// <summary>
    /// The open, unexpired bag <paramref name="bagId"/> at <paramref name="store"/>: <c>store.unknown_bag</c>,
    /// <c>store.bag_expired</c>, <c>store.bag_checked_out</c> or <c>store.bag_empty</c> at <paramref name="field"/> otherwise.
    /// </summary>
    Task<Result<BagToCheckOut>> ReadAsync(TenantId tenant, LocationId store, string? bagId, string field, CancellationToken ct);

    /// <summary>
    /// Marks the bag checked out by <paramref name="reference"/> (the order or sale) inside the sale's own transaction: one
    /// conditional update, so of two checkouts of one bag at most one succeeds, and a bag changed since
    /// <see cref="ReadAsync"/> (its version moved) is <c>store.bag_changed</c>; the caller's write then rolls back.
    /// </summary>
    Task<Result<Unit>> CheckOutAsync(DbSession session, TenantId tenant, BagToCheckOut bag, string reference, DateTimeOffset at, string field, CancellationToken ct);
}

/// <summary>
/// A product was scanned into a member's bag at a store, published in the scan's transaction (the data bank records it as a
/// <c>Product Added</c> of the store). <see cref="ScanId"/> is unique per tenant, so a replayed fact is recorded once.
/// </summary>
public sealed record BagProductAdded(
    TenantId Tenant, MemberId Member, LocationId Store, string BagId, string ScanId, Sku Sku, string Gtin, string Name, Quantity Quantity, Money UnitPrice,
    DateTimeOffset At) : IDomainEvent;
