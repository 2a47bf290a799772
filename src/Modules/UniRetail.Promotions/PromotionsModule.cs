using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Managing;
using UniRetail.Promotions.Persistence;
using UniRetail.Promotions.Pricing;

namespace UniRetail.Promotions;

/// <summary>Promotions: one pricing engine for every channel, best for the customer, explained line by line.</summary>
public static class PromotionsModule
{
    /// <summary>
    /// The promotions module; it needs Identity's tenants and locations, Catalog's <c>ISkuPricing</c> and
    /// <c>ICatalogCategories</c>, and Members' <c>IMemberDirectory</c>. <see cref="IMemberTierLookup"/> is registered with
    /// TryAdd: a loyalty module registering its own (before, or after with AddSingleton) is the one used.
    /// </summary>
    public static IServiceCollection AddPromotionsModule(this IServiceCollection services)
    {
        services.AddMigrations<PromotionStore>("promotions");
        services.AddSingleton<PromotionStore>();
        services.AddSingleton<PromotionCache>().AddSingleton<IInvalidationSubscriber>(sp => sp.GetRequiredService<PromotionCache>());
        services.TryAddSingleton<IMemberTierLookup, NoTiers>();
        services.AddSingleton<BasketPricing>().AddSingleton<IBasketPricing>(sp => sp.GetRequiredService<BasketPricing>());
        services.AddSingleton<SavePromotion>().AddSingleton<SetPromotions>().AddSingleton<PromotionQueries>().AddSingleton<PriceBasket>();
        return services;
    }

    public static IEndpointRouteBuilder MapPromotionsModule(this IEndpointRouteBuilder app)
    {
        app.MapPromotions();
        return app;
    }
}
