using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Members.Contracts;
using UniRetail.Orders.Benefits;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;
using UniRetail.Orders.Returns;
using UniRetail.Orders.Till;

namespace UniRetail.Orders;

/// <summary>One order model for every channel: placing with routing and stock holds, the lifecycle, returns anywhere.</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services)
    {
        services.AddMigrations<OrderStore>("orders");
        services.AddSingleton<OrderStore>().AddSingleton<IPlacedBaskets, PlacedBasketReader>();
        services.AddSingleton<OrderBenefitReversal>();
        services.AddSingleton<ITillOrders, TillOrders>().AddSingleton<IPickupOrders, PickupOrders>();
        services.AddSingleton<PlaceOrderHandler>().AddSingleton<OrderLifecycle>().AddSingleton<RecordReturn>().AddSingleton<OrderQueries>().AddSingleton<TradingDay>();
        services.AddSingleton<IDomainEventSubscriber<StockHoldsExpired>, CancelOrderWhenHoldExpires>();
        services.AddSingleton<IDomainEventSubscriber<MembersMerged>, MoveOrdersWhenMembersMerge>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersModule(this IEndpointRouteBuilder app)
    {
        app.MapOrdersEndpoints();
        return app;
    }
}
