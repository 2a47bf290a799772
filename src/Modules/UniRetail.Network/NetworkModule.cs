using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Network.Persistence;
using UniRetail.Network.Replenishment;

namespace UniRetail.Network;

/// <summary>
/// The shop network (Ling Shou Tong): demand forecasts and replenishment advice for small shops, and the backtest that
/// measures them. Reads stock through the inventory's contracts and locations through the identity's.
/// </summary>
public static class NetworkModule
{
    public static IServiceCollection AddNetworkModule(this IServiceCollection services)
    {
        services.AddMigrations<ShopStore>("network");
        services.AddSingleton<ShopStore>().AddSingleton<ShopLocation>();
        services.AddSingleton<ConfigureShopSku>().AddSingleton<RecordShopSales>().AddSingleton<AdviseReplenishment>();
        return services;
    }

    public static IEndpointRouteBuilder MapNetworkModule(this IEndpointRouteBuilder app)
    {
        app.MapShop();
        return app;
    }
}
