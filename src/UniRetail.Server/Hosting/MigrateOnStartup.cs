using UniRetail.Data.Migrations;

namespace UniRetail.Server.Hosting;

/// <summary>Applies pending migrations before the server accepts requests (hosted services start before Kestrel listens).</summary>
internal sealed class MigrateOnStartup(MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
