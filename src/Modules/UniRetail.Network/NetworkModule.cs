using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace UniRetail.Network;

/// <summary>
/// The shop network (Ling Shou Tong): demand forecasts and replenishment advice for small shops that order from a
/// platform, and the backtest that measures them.
/// </summary>
public static class NetworkModule
{
    public static IServiceCollection AddNetworkModule(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapNetworkModule(this IEndpointRouteBuilder app) => app;
}
