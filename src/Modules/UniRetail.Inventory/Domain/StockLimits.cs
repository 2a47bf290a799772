namespace UniRetail.Inventory.Domain;

/// <summary>Bounds no real caller meets, so every request costs work linear in a small size and every level fits an <c>int</c>.</summary>
internal static class StockLimits
{
    /// <summary>The most units a level may hold on hand, damaged or as safety stock (stock positions are read as <c>int</c>).</summary>
    public const long MaxLevel = 1_000_000_000;

    /// <summary>The most lines one hold request may name.</summary>
    public const int MaxHoldLines = 100;

    /// <summary>The most lines one goods receipt may carry.</summary>
    public const int MaxReceiptLines = 1_000;

    /// <summary>The longest client reference on a receipt (a delivery note or purchase order number).</summary>
    public const int MaxReferenceLength = 200;
}
