using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Import;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Pricing;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Data;

namespace UniRetail.Catalog;

/// <summary>One catalog for every channel: products, SKUs with GTINs, base prices and channel/store overrides.</summary>
public static class CatalogModule
{
    /// <summary>Registers the catalog; it needs Identity's <c>ITenantDirectory</c> and <c>ILocationDirectory</c>.</summary>
    public static IServiceCollection AddCatalogModule(this IServiceCollection services)
    {
        services.AddMigrations<ProductStore>("catalog");
        services.AddSingleton<ProductStore>().AddSingleton<SkuStore>().AddSingleton<PriceOverrideStore>();
        services.AddSingleton<SkuPricing>().AddSingleton<ISkuPricing>(sp => sp.GetRequiredService<SkuPricing>());
        services.AddSingleton<ICatalogCategories, CatalogCategories>().AddSingleton<IGtinLookup, GtinLookup>();
        services.AddSingleton<CreateProduct>().AddSingleton<ProductQueries>().AddSingleton<SkuQueries>().AddSingleton<UpdateSku>();
        services.AddSingleton<ManagePriceOverrides>().AddSingleton<ImportCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogModule(this IEndpointRouteBuilder app)
    {
        app.MapCatalog();
        return app;
    }
}
