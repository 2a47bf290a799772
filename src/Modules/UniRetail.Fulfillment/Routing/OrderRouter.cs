using System.Globalization;
using UniRetail.Data;
using UniRetail.Fulfillment.Persistence;
using UniRetail.Fulfillment.Sourcing;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Routing;

/// <summary>A SKU's stock at a location as sourcing needs it: what may be promised, and what is on the shelf.</summary>
internal sealed record StockAtLocation(LocationId Location, Sku Sku, int Available, int OnShelf);

/// <summary>The chosen allocations, the explanation the order keeps, and the capacity each chosen location must grant.</summary>
internal sealed record RoutedOrder(IReadOnlyList<SourcingAllocation> Allocations, string ExplanationJson, IReadOnlyList<(LocationId Location, string Day, int Capacity)> CapacityToTake);

/// <summary>
/// The I/O around the pure <see cref="SourcingPolicy"/>. <see cref="DecideAsync"/> runs on committed data outside the write
/// (the tenant's locations, the stock the caller read, today's accepted orders), so the single writer only writes;
/// <see cref="AcceptAsync"/> then counts the order against each chosen location's daily capacity inside the write,
/// guarded, so concurrent orders cannot overfill a location.
/// </summary>
internal sealed class OrderRouter(Database database, ILocationDirectory locations, DailyLoadStore load)
{
    public async Task<Result<RoutedOrder>> DecideAsync(TenantId tenant, SourcingRequest request, IReadOnlyList<StockAtLocation> stock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await locations.ListAsync(tenant, ct);
        var days = all.Where(l => l.DailyCapacity is not null).Select(l => (l.Id, Day(l, request.At))).ToList();
        var accepted = days.Count == 0 ? new Dictionary<LocationId, int>() : await database.ReadAsync(c => load.AcceptedAsync(c, tenant, days), ct);
        var byLocation = stock.ToLookup(s => s.Location);
        var candidates = all.Select(l => new SourcingCandidate(
            l,
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.Available),
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.OnShelf),
            accepted.GetValueOrDefault(l.Id))).ToList();
        var decision = SourcingPolicy.Decide(request, candidates);
        if (!decision.IsSuccess)
            return decision.Error;
        var capacity = all.Where(l => l.DailyCapacity is not null && decision.Value.Locations.Contains(l.Id))
            .OrderBy(l => l.Id.Value, StringComparer.Ordinal)
            .Select(l => (l.Id, Day(l, request.At), l.DailyCapacity!.Value)).ToList();
        return new RoutedOrder(decision.Value.Allocations, decision.Value.Explanation.ToJson(), capacity);
    }

    /// <summary>
    /// Takes one order's worth of each chosen location's daily capacity for <paramref name="reference"/> (the order id);
    /// fails when a concurrent order took the last of it.
    /// </summary>
    public async Task<Result<Unit>> AcceptAsync(DbSession session, TenantId tenant, string reference, RoutedOrder routed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        foreach (var (location, day, capacity) in routed.CapacityToTake)
        {
            if (!await load.TryAcceptAsync(session, tenant, reference, location, day, capacity))
                return Error.Conflict(CapacityReached, $"Location {location} reached its daily capacity of {capacity} orders while this order was placed.");
        }
        return Unit.Value;
    }

    /// <summary>A cancelled order gives back the capacity it took, on the day it took it; a second call gives back nothing.</summary>
    public Task<int> ReleaseAsync(DbSession session, TenantId tenant, string reference) => load.ReleaseAsync(session, tenant, reference);

    public const string CapacityReached = "fulfillment.capacity_reached";

    private static string Day(LocationInfo location, DateTimeOffset at) => location.LocalDay(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
