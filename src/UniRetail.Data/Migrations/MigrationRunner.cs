using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace UniRetail.Data.Migrations;

/// <summary>Applies every module's pending migrations at start-up, each in its own transaction, and records them.</summary>
public sealed class MigrationRunner(Database database, IEnumerable<MigrationSource> sources, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    // Any fixed number: PostgreSQL advisory lock that keeps two starting servers from migrating at once.
    private const long PostgresLockKey = 7_301_420_011;

    public async Task ApplyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Provider == DatabaseProvider.Postgres)
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey });
        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS data_migration (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL, PRIMARY KEY (module, version))");
            var applied = (await connection.QueryAsync<string>("SELECT module || '/' || CAST(version AS TEXT) FROM data_migration")).ToHashSet();
            foreach (var migration in sources.SelectMany(s => s.For(database.Provider)))
            {
                if (applied.Contains($"{migration.Module}/{migration.Version}"))
                    continue;
                await ApplyOneAsync(connection, migration, ct);
            }
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey });
        }
    }

    private async Task ApplyOneAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(migration.Sql, transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO data_migration (module, version, name, applied_at_ms) VALUES (@Module, @Version, @Name, @At)",
            new { migration.Module, migration.Version, migration.Name, At = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Applied migration {Module}/{Name}", migration.Module, migration.Name);
    }
}
