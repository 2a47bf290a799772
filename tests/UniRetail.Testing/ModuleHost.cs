using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UniRetail.Data;
using UniRetail.Data.Migrations;

namespace UniRetail.Testing;

/// <summary>The modules under test wired as the host wires them, on a fresh migrated database.</summary>
public sealed class ModuleHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ModuleHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ModuleHost> StartAsync(DatabaseOptions options, Action<IServiceCollection> addModules, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(addModules);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddUniRetailData(options);
        if (clock is not null)
            services.AddSingleton(clock);
        addModules(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new ModuleHost(provider);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
