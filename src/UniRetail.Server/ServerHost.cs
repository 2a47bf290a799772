using UniRetail.Catalog;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Marketing;
using UniRetail.Members;
using UniRetail.Orders;
using UniRetail.Promotions;
using UniRetail.Server.Hosting;

namespace UniRetail.Server;

/// <summary>The HTTP host, module by module. <c>Program</c> runs it; so does <c>uniretail serve</c>.</summary>
public static class ServerHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddUniRetailDefaults();
        builder.Services.AddUniRetailModules();
        builder.Services.AddHoldExpiry();
        builder.Services.AddProfileProjector();

        var app = builder.Build();

        app.UseUniRetailDefaults();
        var modules = app.MapModules();
        modules.MapIdentityModule();
        modules.MapCatalogModule();
        modules.MapInventoryModule();
        modules.MapMembersModule();
        modules.MapOrdersModule();
        modules.MapMarketingModule();
        modules.MapPromotionsModule();
        return app;
    }
}
