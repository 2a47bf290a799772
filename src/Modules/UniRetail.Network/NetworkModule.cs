using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UniRetail.Network.Contracts;
using UniRetail.Data;
using UniRetail.Network.Advice;
using UniRetail.Network.Agreements;
using UniRetail.Network.Persistence;
using UniRetail.Network.PickupPoints;
using UniRetail.Network.Replenishment;
using UniRetail.Network.ShopOrders;
using UniRetail.Network.Wholesale;
using UniRetail.Store.Contracts;

namespace UniRetail.Network;

/// <summary>
/// The shop network (Ling Shou Tong): a platform and its shops (each a tenant of its own) under agreements signed by field
/// representatives; the platform's wholesale catalog and the shops' orders from it, held at the platform's warehouse and
/// received into the shop's stock; demand forecasts and replenishment advice for the shops, and the backtest that measures
/// them; assortment and display advice from the shops' sales, stock and till baskets and their similar shops' (till sales
/// counted through the store's TillSaleRecorded); shops as pickup points of the platform's online orders. Creates shop
/// tenants through the identity's contracts and moves stock through the inventory's.
/// </summary>
public static class NetworkModule
{
    public static IServiceCollection AddNetworkModule(this IServiceCollection services)
    {
        services.AddMigrations<ShopStore>("network");
        services.TryAddSingleton<ISharedCustomers, NoSharedCustomers>();
        services.AddSingleton<ShopStore>().AddSingleton<ShopLocation>();
        services.AddSingleton<ConfigureShopSku>().AddSingleton<RecordShopSales>().AddSingleton<AdviseReplenishment>();
        services.AddSingleton<AgreementStore>().AddSingleton<WholesaleStore>().AddSingleton<ShopOrderStore>();
        services.AddSingleton<ManageReps>().AddSingleton<SignUpShop>().AddSingleton<ShopAgreements>().AddSingleton<ManageWholesale>();
        services.AddPickupPoints();
        services.AddSingleton<PlaceShopOrder>().AddSingleton<ReceiveShopOrder>().AddSingleton<ShopOrderQueries>().AddSingleton<CommissionReport>();
        services.AddSingleton<AdviceStore>().AddSingleton<ShopProfiles>().AddSingleton<ShopAdvice>().AddSingleton<CountTillSales>();
        services.AddSingleton<IDomainEventSubscriber<TillSaleRecorded>>(sp => sp.GetRequiredService<CountTillSales>());
        return services;
    }

    public static IEndpointRouteBuilder MapNetworkModule(this IEndpointRouteBuilder app)
    {
        app.MapShop();
        app.MapNetwork();
        app.MapAdvice();
        app.MapPickupPoints();
        return app;
    }
}
