using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Managing;

internal sealed class PromotionQueries(Database database, PromotionStore store, PromotionCache cache)
{
    public async Task<Result<PromotionView>> GetAsync(Caller caller, PromotionId id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await cache.CurrencyOfAsync(caller.Tenant, ct) is not { } currency)
            return PromotionsErrors.UnknownTenant();
        var row = await database.ReadAsync(c => store.FindAsync(c, caller.Tenant, id), ct);
        return row is null ? PromotionsErrors.UnknownPromotion(id.Value) : PromotionViews.From(row, currency);
    }

    /// <summary>A page of the tenant's promotions in code order; <paramref name="active"/> keeps only active (or inactive) ones.</summary>
    public async Task<Result<Slice<PromotionView>>> ListAsync(Caller caller, bool? active, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await cache.CurrencyOfAsync(caller.Tenant, ct) is not { } currency)
            return PromotionsErrors.UnknownTenant();
        var rows = await database.ReadAsync(c => store.ListAsync(c, caller.Tenant, active, page), ct);
        return Slice<PromotionRow>.Of(rows, page, r => r.Code).Map(r => PromotionViews.From(r, currency));
    }
}
