using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Store.Checkout;
using UniRetail.Store.Contracts;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Persistence;
using UniRetail.Store.Returns;
using UniRetail.Store.Tills;

namespace UniRetail.Store;

/// <summary>
/// The store (门店): the member code (会员码) a member's app shows and a till scans once, and till sessions with their X and
/// Z reports, and the till's checkout and returns. Needs Identity's locations and tenants, Members' directory, Loyalty's tiers and
/// benefits, the catalog's GTINs, Orders' till orders and Inventory's discrepancies.
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
        return services;
    }

    public static IEndpointRouteBuilder MapStoreModule(this IEndpointRouteBuilder app)
    {
        app.MapStoreEndpoints();
        return app;
    }
}
