using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Contracts;

/// <summary>Units of one SKU an order wants.</summary>
public sealed record SourcingLine(Sku Sku, Quantity Quantity);

/// <summary>
/// What to source. <c>Destination</c> is the customer's address (ship_to_home, same_day_delivery; endless_aisle falls back
/// to the originating store). <c>StoreId</c> is the chosen store (pickup_in_store, in_store_purchase) or the originating
/// store (endless_aisle), already resolved in the tenant by the caller. <c>At</c> decides opening hours and the capacity day.
/// </summary>
public sealed record SourcingRequest(FulfilmentType Type, IReadOnlyList<SourcingLine> Lines, GeoPoint? Destination, LocationId? StoreId, DateTimeOffset At)
{
    /// <summary>
    /// An in_store_purchase the till sold already (an offline sale posted later): the customer took the goods off the shelf,
    /// so the store is chosen whatever its book stock says; a shortfall is Inventory's to record, not a refusal.
    /// </summary>
    public bool SoldAlready { get; init; }
}

/// <summary>A SKU's stock at a location as sourcing needs it: what may be promised, and what is on the shelf (a till may sell it).</summary>
public sealed record StockAtLocation(LocationId Location, Sku Sku, int Available, int OnShelf);

/// <summary>Units of one SKU to take from one location.</summary>
public sealed record SourcingAllocation(LocationId Location, Sku Sku, Quantity Quantity);

/// <summary>The chosen allocations and the explanation (JSON) the order keeps.</summary>
public sealed record RoutedOrder(IReadOnlyList<SourcingAllocation> Allocations, string ExplanationJson)
{
    /// <summary>The daily capacity each chosen location must grant, in location order; taken by <see cref="IOrderRouting.AcceptAsync"/>.</summary>
    internal IReadOnlyList<(LocationId Location, string Day, int Capacity)> CapacityToTake { get; init; } = [];
}

/// <summary>
/// Where an order's stock comes from. <see cref="DecideAsync"/> runs on committed data outside any write;
/// <see cref="AcceptAsync"/> counts the order against each chosen location's daily capacity inside the order's write, and
/// <see cref="ReleaseAsync"/> gives it back when the order is cancelled.
/// </summary>
public interface IOrderRouting
{
    /// <summary>The code <see cref="AcceptAsync"/> fails with when a concurrent order took a location's last slot of the day: route again.</summary>
    const string CapacityReached = "fulfillment.capacity_reached";

    /// <summary>The code <see cref="DecideAsync"/> fails with when the chosen pickup point has no parcel left today.</summary>
    const string PickupPointFull = "fulfillment.pickup_point_full";

    /// <summary>Chooses the locations for <paramref name="request"/> from the tenant's locations and the <paramref name="stock"/> the caller read.</summary>
    Task<Result<RoutedOrder>> DecideAsync(TenantId tenant, SourcingRequest request, IReadOnlyList<StockAtLocation> stock, CancellationToken ct);

    /// <summary>Takes one order's worth of each chosen location's daily capacity for <paramref name="order"/>, guarded.</summary>
    Task<Result<Unit>> AcceptAsync(DbSession session, TenantId tenant, OrderId order, RoutedOrder routed);

    /// <summary>Orders each location accepted on its own local day at <paramref name="instant"/> (what its daily capacity counts).</summary>
    Task<IReadOnlyDictionary<LocationId, int>> AcceptedOnLocalDayAsync(TenantId tenant, IReadOnlyList<LocationInfo> at, DateTimeOffset instant, CancellationToken ct);

    /// <summary>Gives back the capacity <paramref name="order"/> took, on the day it took it; a second call gives back nothing.</summary>
    Task<int> ReleaseAsync(DbSession session, TenantId tenant, OrderId order);
}
