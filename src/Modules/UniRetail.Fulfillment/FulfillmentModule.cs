using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Fulfillment.Persistence;
using UniRetail.Fulfillment.Routing;

namespace UniRetail.Fulfillment;

/// <summary>Order sourcing: which warehouse or store fulfils each order, within each location's capacity, and why.</summary>
public static class FulfillmentModule
{
    public static IServiceCollection AddFulfillmentModule(this IServiceCollection services)
    {
        services.AddMigrations<DailyLoadStore>("fulfillment");
        services.AddSingleton<DailyLoadStore>().AddSingleton<IOrderRouting, OrderRouter>().AddSingleton<HandoverCodes>();
        return services;
    }
}
