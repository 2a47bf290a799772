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

namespace UniRetail.Bench;

/// <summary>The modules wired as the CLI and the server wire them, on a benchmark's own database, migrated.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchHost(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Builds the services; a <paramref name="probe"/>, when given, joins every order's transaction (profiling runs only).</summary>
    public static async Task<BenchHost> StartAsync(DatabaseOptions options, CancellationToken ct, LaneProbe? probe = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddUniRetailData(options);
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddFulfillmentModule().AddOrdersModule();
        if (probe is not null)
            probe.AddTo(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        return new BenchHost(provider);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
