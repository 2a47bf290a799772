namespace UniRetail.Inventory.Domain;

/// <summary>Bounds no real caller meets, so every request costs work linear in a small size.</summary>
internal static class StockLimits
{
    /// <summary>The most lines one hold request may name.</summary>
    public const int MaxHoldLines = 100;
}
