using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Network.Persistence;
using UniRetail.Orders.Contracts;

namespace UniRetail.Network.PickupPoints;

internal static class PickupPointServices
{
    public static IServiceCollection AddPickupPoints(this IServiceCollection services)
    {
        services.AddSingleton<PickupPointStore>().AddSingleton<ManagePickupPoints>().AddSingleton<FindPickupPoints>();
        services.AddSingleton<ParcelCounter>().AddSingleton<PickupFees>();
        services.AddSingleton<IDomainEventSubscriber<OrderPlaced>, ExpectParcelWhenOrderPlaced>();
        services.AddSingleton<IDomainEventSubscriber<OrderStatusChanged>, CancelParcelWhenOrderCancelled>();
        return services;
    }
}
