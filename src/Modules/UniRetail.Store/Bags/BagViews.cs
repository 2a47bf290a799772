using UniRetail.Web;

namespace UniRetail.Store.Bags;

/// <summary>
/// The body of <c>POST /api/bags</c>: the store, and either the member code scanned at the entrance (<c>memberCode</c>) or,
/// from the member's app, the member (<c>memberId</c>).
/// </summary>
internal sealed record StartBagRequest(string? StoreId, string? MemberCode, string? MemberId);

/// <summary>The body of a scan: the barcode read and how many units (1 unless given).</summary>
internal sealed record ScanRequest(string? Gtin, int? Quantity);

/// <summary>The body of <c>PUT /api/bags/{bagId}/lines/{sku}</c>: the line's new, lower quantity (0 removes it).</summary>
internal sealed record SetBagLineRequest(int? Quantity);

/// <summary>A line with the name and unit price the engine priced it at (absent when the bag could not be priced).</summary>
internal sealed record BagLineView(string Sku, string Gtin, string? Name, int Quantity, MoneyView? UnitPrice, MoneyView? Total);

/// <summary>The bag priced by the promotions engine, as the till would price it now.</summary>
internal sealed record BagTotalsView(MoneyView Subtotal, MoneyView DiscountTotal, MoneyView Total);

/// <summary>
/// A bag: <see cref="Status"/> is <c>open</c>, <c>expired</c> or <c>checked_out</c>; <see cref="StartedBy"/> is
/// <c>member_code</c> (scanned at the entrance; the visit was recorded) or <c>app</c>.
/// </summary>
internal sealed record BagView(
    string Id, string StoreId, string MemberId, string Status, string StartedBy, long Version, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt,
    IReadOnlyList<BagLineView> Lines, BagTotalsView? Totals, string? CheckoutReference);

/// <summary>A product that goes with the scanned one, in stock at the bag's store.</summary>
internal sealed record ComplementView(string Sku, string Name, MoneyView Price, double Lift, int Available);

/// <summary>
/// A promotion reminder: <c>spend_more</c> / <c>add_items</c> (the engine's hints on the bag now) or <c>starts_soon</c> (a
/// promotion that does not apply now applies to this bag by <see cref="AppliesBy"/>, and would take <see cref="Saving"/> off).
/// </summary>
internal sealed record ReminderView(
    string Kind, string PromotionId, string? Code, string Message, MoneyView? SpendMore, int? AddQuantity, string? Sku, DateTimeOffset? AppliesBy, MoneyView? Saving);

/// <summary>What a scan answers: the scan, the bag as it now is, up to three complements in stock at the store, and reminders.</summary>
internal sealed record ScanView(
    string ScanId, string Sku, string Gtin, int Quantity, BagView Bag, IReadOnlyList<ComplementView> Complements, IReadOnlyList<ReminderView> Reminders);

/// <summary>How many orders a complements refresh counted, and whether more are waiting (<see cref="More"/>: call again).</summary>
internal sealed record ComplementsRefreshView(int Orders, int SkusRanked, long Baskets, bool More);
