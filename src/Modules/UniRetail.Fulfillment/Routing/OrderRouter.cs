using System.Globalization;
using UniRetail.Data;
using UniRetail.Fulfillment.Persistence;
using UniRetail.Fulfillment.Sourcing;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Routing;

/// <summary>A SKU's stock at a location as sourcing needs it: what may be promised, and what is on the shelf.</summary>
internal sealed record StockAtLocation(LocationId Location, Sku Sku, int Available, int OnShelf);

/// <summary>The chosen allocations and the explanation the order keeps.</summary>
internal sealed record RoutedOrder(IReadOnlyList<SourcingAllocation> Allocations, string ExplanationJson);

/// <summary>
/// The I/O around the pure <see cref="SourcingPolicy"/>: gathers the tenant's locations, the stock the caller read in
/// its transaction and today's accepted orders, asks the policy, then counts the order against each chosen
/// location's daily capacity (guarded, so concurrent orders cannot overfill a location).
/// </summary>
internal sealed class OrderRouter(ILocationDirectory locations, DailyLoadStore load)
{
    public async Task<Result<RoutedOrder>> RouteAsync(DbSession session, TenantId tenant, SourcingRequest request, IReadOnlyList<StockAtLocation> stock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await locations.ListAsync(tenant, ct);
        var days = all.Where(l => l.DailyCapacity is not null).Select(l => (l.Id, Day(l, request.At))).ToList();
        var accepted = await load.AcceptedAsync(session, tenant, days);
        var byLocation = stock.ToLookup(s => s.Location);
        var candidates = all.Select(l => new SourcingCandidate(
            l,
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.Available),
            byLocation[l.Id].ToDictionary(s => s.Sku, s => s.OnShelf),
            accepted.GetValueOrDefault(l.Id))).ToList();
        var decision = SourcingPolicy.Decide(request, candidates);
        if (!decision.IsSuccess)
            return decision.Error!;
        foreach (var chosen in all.Where(l => l.DailyCapacity is not null && decision.Value.Locations.Contains(l.Id)))
        {
            if (!await load.TryAcceptAsync(session, tenant, chosen.Id, Day(chosen, request.At), chosen.DailyCapacity!.Value))
                return Error.Conflict("fulfillment.capacity_reached", $"{chosen.Code} reached its daily capacity while this order was placed; try again.");
        }
        return new RoutedOrder(decision.Value.Allocations, decision.Value.Explanation.ToJson());
    }

    private static string Day(LocationInfo location, DateTimeOffset at) => location.LocalDay(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
