using UniRetail.Kernel;

namespace UniRetail.Store.Contracts;

/// <summary>
/// Published in the transaction that consumed a member code at a till (a scan or a checkout): the member was in the store.
/// <see cref="CodeId"/> names the scan, once.
/// </summary>
public sealed record MemberVisitedStore(TenantId Tenant, MemberId Member, LocationId Store, string CodeId, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// Published in the transaction that recorded a till sale (its order placed with it): the till, the till's sale id, the
/// order, the total and how it was paid (<c>card</c>, <c>cash</c>, <c>wallet</c>, <c>points</c>), and whether the till was
/// offline when it sold (<see cref="At"/> is then the till's own time), and what it sold (<see cref="Lines"/>: SKU and units, a
/// SKU once per line as the order holds it).
/// </summary>
public sealed record TillSaleRecorded(
    TenantId Tenant, MemberId? Member, LocationId Store, string TillId, string SaleId, OrderId Order, Money Total, IReadOnlyDictionary<string, Money> Payments,
    bool Offline, DateTimeOffset At, IReadOnlyList<TillSaleLine> Lines) : IDomainEvent;

/// <summary>Units of a SKU a till sale sold.</summary>
public sealed record TillSaleLine(Sku Sku, int Quantity);
