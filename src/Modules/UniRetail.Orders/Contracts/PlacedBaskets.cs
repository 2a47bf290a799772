using UniRetail.Kernel;

namespace UniRetail.Orders.Contracts;

/// <summary>Where a reader of placed orders stopped: the last order it read, by placing time then id.</summary>
public readonly record struct PlacedOrderPosition(DateTimeOffset PlacedAt, OrderId Order)
{
    /// <summary>Before every order.</summary>
    public static readonly PlacedOrderPosition Start = new(DateTimeOffset.FromUnixTimeMilliseconds(0), new OrderId(""));
}

/// <summary>An order's SKUs in line order, as co-purchase learning reads them (quantities and prices left out).</summary>
public sealed record PlacedBasket(PlacedOrderPosition Position, IReadOnlyList<Sku> Skus);

/// <summary>Reads the tenant's orders in the order they were placed, a page at a time, for models that learn from them.</summary>
public interface IPlacedBaskets
{
    /// <summary>
    /// Up to <paramref name="limit"/> orders placed after <paramref name="after"/> and before <paramref name="placedBefore"/>,
    /// ordered by (placing time, id). Cancelled and returned orders are included: they still say what was bought together.
    /// </summary>
    Task<IReadOnlyList<PlacedBasket>> AfterAsync(TenantId tenant, PlacedOrderPosition after, DateTimeOffset placedBefore, int limit, CancellationToken ct);
}
