using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Store.Contracts;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Persistence;
using UniRetail.Store.Tills;

namespace UniRetail.Store;

/// <summary>
/// The store (门店): the member code (会员码) a member's app shows and a till scans once, and till sessions with their X and
/// Z reports. Needs Identity's locations and tenants, Members' directory and Loyalty's tiers and benefits.
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
        return services;
    }

    public static IEndpointRouteBuilder MapStoreModule(this IEndpointRouteBuilder app)
    {
        app.MapStoreEndpoints();
        return app;
    }
}
