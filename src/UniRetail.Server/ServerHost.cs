using UniRetail.Catalog;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Marketing;
using UniRetail.Members;
using UniRetail.Orders;
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
        app.MapIdentityModule();
        app.MapCatalogModule();
        app.MapInventoryModule();
        app.MapMembersModule();
        app.MapOrdersModule();
        app.MapMarketingModule();
        return app;
    }
}
