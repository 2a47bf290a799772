using Microsoft.Extensions.Configuration.Memory;
using UniRetail.Catalog;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Loyalty;
using UniRetail.Marketing;
using UniRetail.Members;
using UniRetail.Network;
using UniRetail.Orders;
using UniRetail.Promotions;
using UniRetail.Server.Hosting;
using UniRetail.Store;
using UniRetail.WebConsole;

namespace UniRetail.Server;

/// <summary>The HTTP host, module by module. <c>Program</c> runs it; so does <c>uniretail serve</c>.</summary>
public static class ServerHost
{
    public static WebApplication Build(string[] args)
    {
        // The host is this assembly whichever program runs it (the server, `uniretail serve`): its static web assets
        // (the console's scripts and styles) are found by its name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ServerHost).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        // Run from a build rather than a publish, static assets follow the build manifest, whose development handler
        // answers no-cache for every file; keep the manifest's own headers instead (immutable for the console's
        // fingerprinted addresses), so a browser does not ask for the scripts again on every page load. First among the
        // sources, so settings and the command line can still turn it off.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("EnableStaticAssetsDevelopmentCaching", "true")] });

        builder.AddUniRetailDefaults();
        builder.Services.AddUniRetailModules();
        builder.Services.AddStoreSettings(builder.Configuration);
        builder.Services.AddHoldExpiry();
        builder.Services.AddLoyaltyClock();
        builder.Services.AddComplementLearning();
        builder.Services.AddProfileProjector();
        builder.Services.AddWebConsole(ConsoleSettings.KeysDirectory(builder.Configuration));

        var app = builder.Build();

        app.UseUniRetailDefaults();
        app.UseWebConsole();
        var modules = app.MapModules();
        modules.MapIdentityModule();
        modules.MapCatalogModule();
        modules.MapInventoryModule();
        modules.MapMembersModule();
        modules.MapLoyaltyModule();
        modules.MapOrdersModule();
        modules.MapMarketingModule();
        modules.MapPromotionsModule();
        modules.MapNetworkModule();
        modules.MapStoreModule();
        app.MapWebConsole();
        return app;
    }
}
