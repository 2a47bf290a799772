using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Managing;

/// <summary>
/// Creates, replaces and deactivates promotions. A promotion is checked on its own, then against the tenant (its SKUs,
/// categories and stores exist), then written under the tenant's revision lock with the invalidation notice that makes
/// every server rebuild its index.
/// </summary>
internal sealed class SavePromotion(
    Database database, PromotionStore store, PromotionCache cache, Invalidations invalidations, ISkuPricing skus, ICatalogCategories categories,
    ILocationDirectory locations, TimeProvider clock)
{
    /// <summary>The most promotions (active or not) a tenant keeps.</summary>
    public const int MaxPerTenant = 5000;

    public async Task<Result<PromotionView>> CreateAsync(Caller caller, PromotionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parsed = await CheckAsync(caller.Tenant, request, ct);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var id = PromotionId.New();
        var now = Now();
        return await database.WriteAsync(async session =>
        {
            await store.BumpRevisionAsync(session, caller.Tenant);
            if (await store.CountAsync(session, caller.Tenant) >= MaxPerTenant)
                return PromotionsErrors.TooManyPromotions(MaxPerTenant);
            if (await store.HolderOfCodeAsync(session, caller.Tenant, parsed.Value.Promotion.Code) is not null)
                return PromotionsErrors.CodeTaken(parsed.Value.Promotion.Code);
            await store.InsertAsync(session, caller.Tenant, id, parsed.Value.Promotion, now.ToUnixTimeMilliseconds());
            await invalidations.PublishAsync(session, caller.Tenant, PromotionCache.TopicName, "*", now.ToUnixTimeMilliseconds());
            return Result<PromotionView>.Success(PromotionViews.From(id, parsed.Value.Promotion, parsed.Value.Currency, 1, now));
        }, ct);
    }

    /// <summary>Replaces the promotion; <c>version</c> must be the one read, so a concurrent edit is never lost.</summary>
    public async Task<Result<PromotionView>> UpdateAsync(Caller caller, PromotionId id, PromotionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        // The promotion is found in the caller's tenant before its body is read: another tenant's id is not found, whatever the body.
        if (await database.ReadAsync(c => store.FindAsync(c, caller.Tenant, id), ct) is null)
            return PromotionsErrors.UnknownPromotion(id.Value);
        if (request.Version is not { } expected)
            return PromotionsErrors.Required("version");
        var parsed = await CheckAsync(caller.Tenant, request, ct);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var now = Now();
        return await database.WriteAsync(async session =>
        {
            await store.BumpRevisionAsync(session, caller.Tenant);
            if (await store.HolderOfCodeAsync(session, caller.Tenant, parsed.Value.Promotion.Code) is { } holder && holder != id.Value)
                return PromotionsErrors.CodeTaken(parsed.Value.Promotion.Code);
            if (!await store.UpdateAsync(session, caller.Tenant, id, expected, parsed.Value.Promotion, now.ToUnixTimeMilliseconds()))
            {
                return await store.FindAsync(session.Connection, caller.Tenant, id, session.Transaction) is { } current
                    ? PromotionsErrors.VersionConflict(expected, current.Version)
                    : PromotionsErrors.UnknownPromotion(id.Value);
            }
            await invalidations.PublishAsync(session, caller.Tenant, PromotionCache.TopicName, "*", now.ToUnixTimeMilliseconds());
            return Result<PromotionView>.Success(PromotionViews.From(id, parsed.Value.Promotion, parsed.Value.Currency, expected + 1, now));
        }, ct);
    }

    /// <summary>Deactivates the promotion: it prices nothing from now on, and keeps its row for the orders that name it.</summary>
    public async Task<Result<Unit>> DeactivateAsync(Caller caller, PromotionId id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = Now();
        return await database.WriteAsync(async session =>
        {
            await store.BumpRevisionAsync(session, caller.Tenant);
            if (!await store.DeactivateAsync(session, caller.Tenant, id, now.ToUnixTimeMilliseconds()))
            {
                // Deactivating an inactive promotion is done already; an unknown one is not found.
                return await store.FindAsync(session.Connection, caller.Tenant, id, session.Transaction) is null
                    ? PromotionsErrors.UnknownPromotion(id.Value)
                    : Result<Unit>.Success(Unit.Value);
            }
            await invalidations.PublishAsync(session, caller.Tenant, PromotionCache.TopicName, "*", now.ToUnixTimeMilliseconds());
            return Result<Unit>.Success(Unit.Value);
        }, ct);
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    private sealed record Checked(ParsedPromotion Promotion, Currency Currency);

    /// <summary>Parses the request and checks that everything it names exists in the tenant (SKUs, categories, stores).</summary>
    private async Task<Result<Checked>> CheckAsync(TenantId tenant, PromotionRequest? request, CancellationToken ct)
    {
        if (request is null)
            return PromotionsErrors.Required("body");
        if (await cache.CurrencyOfAsync(tenant, ct) is not { } currency)
            return PromotionsErrors.UnknownTenant();
        var parsed = PromotionParser.Parse(request, currency);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var p = parsed.Value;
        if (p.Skus.Count > 0)
        {
            var known = await skus.KnownAsync(tenant, p.Skus.Select(s => s.Sku).Distinct().ToList(), ct);
            if (p.Skus.FirstOrDefault(s => !known.Contains(s.Sku)) is { Field: not null } unknown)
                return PromotionsErrors.UnknownSku(unknown.Sku.Value, unknown.Field);
        }
        if (p.Categories.Count > 0)
        {
            var known = await categories.KnownAsync(tenant, p.Categories.Select(c => c.Category).Distinct().ToList(), ct);
            if (p.Categories.FirstOrDefault(c => !known.Contains(c.Category)) is { Field: not null } unknown)
                return PromotionsErrors.UnknownCategory(unknown.Category, unknown.Field);
        }
        if (p.Stores.Count > 0)
        {
            var stores = (await locations.ListAsync(tenant, ct)).Where(l => l.Kind != LocationKind.Warehouse).Select(l => l.Id).ToHashSet();
            if (p.Stores.FirstOrDefault(s => !stores.Contains(s.Store)) is { Field: not null } unknown)
                return PromotionsErrors.UnknownStore(unknown.Store.Value, unknown.Field);
        }
        return new Checked(p, currency);
    }
}
