using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data.Invalidation;
using UniRetail.Data.Migrations;
using UniRetail.Data.Secrets;

namespace UniRetail.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database, its writer and the migration runner, for one configured engine.</summary>
    public static IServiceCollection AddUniRetailData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DomainEventDispatcher>();
        services.AddSingleton<Database>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(_ => options.Keys is { } keys ? KeyringFile.Parse(keys) : KeyringFile.LoadOrCreate(options.KeysFile));
        services.AddSingleton(TimeProvider.System);
        services.AddMigrations<Invalidations>("data");
        services.AddSingleton<Invalidations>();
        return services;
    }

    /// <summary>Applies other servers' cache invalidations here (a server runs it; one-shot tools read fresh data anyway).</summary>
    public static IServiceCollection AddInvalidationPoller(this IServiceCollection services) =>
        services.AddSingleton<InvalidationPoller>().AddHostedService(sp => sp.GetRequiredService<InvalidationPoller>());

    /// <summary>Registers a module's embedded migrations.</summary>
    public static IServiceCollection AddMigrations<TModule>(this IServiceCollection services, string module) =>
        services.AddSingleton(new MigrationSource(module, typeof(TModule).Assembly));
}
