using UniRetail.Catalog;
using UniRetail.Data;
using UniRetail.Data.Migrations;
using UniRetail.Fulfillment;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Loyalty;
using UniRetail.Marketing;
using UniRetail.Members;
using UniRetail.Network;
using UniRetail.Orders;
using UniRetail.Promotions;
using UniRetail.Store;

namespace UniRetail.Server;

/// <summary>
/// Every module wired as the HTTP host wires it, on one database, migrated — for the front-ends that call the handlers
/// without HTTP (the CLI, the benchmarks).
/// </summary>
public sealed class ModuleContainer : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ModuleContainer(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Builds the modules on <paramref name="database"/>; <paramref name="configure"/> adds or replaces services (a clock, a probe).</summary>
    public static async Task<ModuleContainer> StartAsync(DatabaseOptions database, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddUniRetailData(database);
        services.AddUniRetailModules();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        return new ModuleContainer(provider);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

public static class ModuleRegistration
{
    /// <summary>The commerce modules, in dependency order. The one list every host uses.</summary>
    public static IServiceCollection AddUniRetailModules(this IServiceCollection services) =>
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddPromotionsModule().AddLoyaltyModule().AddFulfillmentModule()
            .AddOrdersModule().AddMarketingModule().AddNetworkModule().AddStoreModule();
}
