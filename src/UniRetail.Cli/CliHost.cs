using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UniRetail.Catalog;
using UniRetail.Data;
using UniRetail.Data.Migrations;
using UniRetail.Fulfillment;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Members;
using UniRetail.Orders;

namespace UniRetail.Cli;

/// <summary>The modules wired as the server wires them, on the database the command line names, migrated.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliHost(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<CliHost> StartAsync(DatabaseOptions options, CancellationToken ct, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddUniRetailData(options);
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddFulfillmentModule().AddOrdersModule();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        return new CliHost(provider);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
