using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// A location that could supply the order. <c>Available</c> is on hand − reserved − safety stock, <c>OnShelf</c> is
/// on hand − reserved (only a sale at the till may use it); a SKU missing from either has none.
/// <c>AcceptedToday</c> counts the orders already accepted on the location's local day toward its daily capacity.
/// </summary>
internal sealed record SourcingCandidate(
    LocationInfo Location,
    IReadOnlyDictionary<Sku, int> Available,
    IReadOnlyDictionary<Sku, int> OnShelf,
    int AcceptedToday)
{
    public LocationId Id => Location.Id;

    public string Code => Location.Code;

    public int AvailableOf(Sku sku) => Available.GetValueOrDefault(sku);

    public int OnShelfOf(Sku sku) => OnShelf.GetValueOrDefault(sku);

    public bool HasCapacityLeft => Location.DailyCapacity is not { } capacity || AcceptedToday < capacity;
}
