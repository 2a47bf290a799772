using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Store.Bags;
using UniRetail.Store.Checkout;
using UniRetail.Store.Complements;
using UniRetail.Store.Contracts;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Persistence;
using UniRetail.Store.Returns;
using UniRetail.Store.Tills;

namespace UniRetail.Store;

/// <summary>
/// The store (门店): the member code (会员码) a member's app shows and a till scans once, and till sessions with their X and
/// Z reports, the till's checkout and returns, and scan-to-bag bags with complements learnt from the tenant's orders. Needs
/// Identity's locations and tenants, Members' directory, Loyalty's tiers and benefits, Catalog's GTINs and prices, Inventory's
/// positions and discrepancies, Promotions' pricing and Orders' till orders and placed baskets.
/// </summary>
public static class StoreModule
{
    /// <summary>The store module; <paramref name="options"/> defaults to 60-second member codes.</summary>
    public static IServiceCollection AddStoreModule(this IServiceCollection services, StoreOptions? options = null)
    {
        services.AddMigrations<MemberCodeStore>("store");
        services.AddSingleton((options ?? new StoreOptions()).Validated());
        services.AddSingleton<MemberCodeStore>().AddSingleton<TillStore>().AddSingleton<StoreLocations>();
        services.AddSingleton<MemberCodeSigner>().AddSingleton<IssueMemberCode>().AddSingleton<ScanMemberCode>().AddSingleton<MemberCodeImage>();
        services.AddSingleton<TillSessions>();
        services.AddSingleton<ReceiptStore>().AddSingleton<TillCheckout>().AddSingleton<TillReceipts>().AddSingleton<StoreDiscrepancies>()
            .AddSingleton<TillReturns>();
        services.AddSingleton<BagStore>().AddSingleton<ComplementStore>().AddSingleton<ComplementLearner>().AddSingleton<RefreshComplements>();
        services.AddSingleton<BagAccess>().AddSingleton<BagPricing>().AddSingleton<BagSuggestions>().AddSingleton<StartBag>().AddSingleton<ScanIntoBag>()
            .AddSingleton<ChangeBagLine>().AddSingleton<ListOpenBags>().AddSingleton<BagCheckout>().AddSingleton<IBagCheckout>(sp => sp.GetRequiredService<BagCheckout>());
        return services;
    }

    /// <summary>Keeps every tenant's complements current in the background (the server runs it; the CLI and tests refresh on demand).</summary>
    public static IServiceCollection AddComplementLearning(this IServiceCollection services) => services.AddHostedService<ComplementTimer>();

    public static IEndpointRouteBuilder MapStoreModule(this IEndpointRouteBuilder app)
    {
        app.MapStoreEndpoints();
        app.MapBagEndpoints();
        return app;
    }
}
