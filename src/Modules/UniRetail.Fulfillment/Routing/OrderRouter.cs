using System.Globalization;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Fulfillment.Persistence;
using UniRetail.Fulfillment.Sourcing;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Routing;

/// <summary>
/// The I/O around the pure <see cref="SourcingPolicy"/>. <see cref="DecideAsync"/> runs on committed data outside the write
/// (the tenant's locations, the stock the caller read, today's accepted orders), so the single writer only writes;
/// <see cref="AcceptAsync"/> then counts the order against each chosen location's daily capacity inside the write,
/// guarded, so concurrent orders cannot overfill a location.
/// </summary>
internal sealed class OrderRouter(Database database, ILocationDirectory locations, DailyLoadStore load) : IOrderRouting
{
    public async Task<Result<RoutedOrder>> DecideAsync(TenantId tenant, SourcingRequest request, IReadOnlyList<StockAtLocation> stock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A pickup point holds no stock and ships nothing: it is a candidate only for the order that names it, so the
        // platform's other orders neither read its day's count nor list it among the skipped.
        var all = (await locations.ListAsync(tenant, ct)).Where(l => l.Kind != LocationKind.PickupPoint || l.Id == request.StoreId).ToList();
        var accepted = await AcceptedOnLocalDayAsync(tenant, [.. all.Where(l => l.DailyCapacity is not null)], request.At, ct);
        var byLocation = stock.ToLookup(s => s.Location);
        var candidates = all.Select(l => new SourcingCandidate(
            l,
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.Available),
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.OnShelf),
            accepted.GetValueOrDefault(l.Id))).ToList();
        var decision = SourcingPolicy.Decide(request, candidates);
        if (!decision.IsSuccess)
            return decision.Error;
        var counted = decision.Value.Counted;
        var capacity = all.Where(l => l.DailyCapacity is not null && counted.Contains(l.Id))
            .OrderBy(l => l.Id.Value, StringComparer.Ordinal)
            .Select(l => (l.Id, Day(l, request.At), l.DailyCapacity!.Value)).ToList();
        return new RoutedOrder(decision.Value.Allocations, decision.Value.Explanation.ToJson()) { CapacityToTake = capacity };
    }

    public async Task<IReadOnlyDictionary<LocationId, int>> AcceptedOnLocalDayAsync(TenantId tenant, IReadOnlyList<LocationInfo> at, DateTimeOffset instant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(at);
        var days = at.Select(l => (l.Id, Day(l, instant))).ToList();
        return days.Count == 0 ? new Dictionary<LocationId, int>() : await database.ReadAsync(c => load.AcceptedAsync(c, tenant, days), ct);
    }

    public async Task<Result<Unit>> AcceptAsync(DbSession session, TenantId tenant, OrderId order, RoutedOrder routed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        foreach (var (location, day, capacity) in routed.CapacityToTake)
        {
            if (!await load.TryAcceptAsync(session, tenant, order.Value, location, day, capacity))
                return Error.Conflict(IOrderRouting.CapacityReached, $"Location {location} reached its daily capacity of {capacity} orders while this order was placed.");
        }
        return Unit.Value;
    }

    public Task<int> ReleaseAsync(DbSession session, TenantId tenant, OrderId order) => load.ReleaseAsync(session, tenant, order.Value);

    private static string Day(LocationInfo location, DateTimeOffset at) => location.LocalDay(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
