using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Persistence;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Receipts;
using UniRetail.Inventory.Reservations;

namespace UniRetail.Inventory;

/// <summary>One inventory: stock per SKU per location, the append-only ledger, holds that expire, available to promise.</summary>
public static class InventoryModule
{
    public static IServiceCollection AddInventoryModule(this IServiceCollection services)
    {
        services.AddMigrations<StockStore>("inventory");
        services.AddSingleton<StockStore>().AddSingleton<HoldStore>().AddSingleton<CartStore>().AddSingleton<ReceiptStore>();
        services.AddSingleton<IStockMovements, StockMovements>().AddSingleton<DiscrepancyStore>().AddSingleton<IStockDiscrepancies, StockDiscrepancies>();
        services.AddSingleton<StockTargets>().AddSingleton<RecordMovement>().AddSingleton<ReceiveGoods>().AddSingleton<ManageHolds>().AddSingleton<StockQueries>();
        return services;
    }

    /// <summary>The background sweeper that releases expired holds; the server runs it.</summary>
    public static IServiceCollection AddHoldExpiry(this IServiceCollection services) => services.AddHostedService<HoldExpiryService>();

    public static IEndpointRouteBuilder MapInventoryModule(this IEndpointRouteBuilder app)
    {
        app.MapInventoryEndpoints();
        return app;
    }
}
