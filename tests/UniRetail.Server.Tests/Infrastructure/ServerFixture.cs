using UniRetail.Data;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// One running server per test class on a fresh database, configured with <paramref name="settings"/> when given.
/// PostgreSQL runs only when UNIRETAIL_TEST_PG is set; otherwise every test that asks for the server is skipped with the reason.
/// </summary>
public abstract class ServerFixture(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    /// <summary>For tests that send thousands of requests with one key on purpose (the fuzzer, the access matrix).</summary>
    protected static readonly IReadOnlyDictionary<string, string> RateLimitsOff = new Dictionary<string, string> { ["UniRetail:RateLimits:Enabled"] = "false" };

    private UniRetailFactory? _factory;

    public DatabaseProvider Provider { get; } = provider;

    public UniRetailFactory Factory
    {
        get
        {
            if (_factory is null)
                Assert.Skip($"PostgreSQL tests need {TestDatabases.PostgresVariable} (a connection string); .ci/run sets it.");
            return _factory;
        }
    }

    public ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestDatabases.PostgresConnectionString is null)
            return ValueTask.CompletedTask;
        _factory = new UniRetailFactory(TestDatabases.New(Provider), settings);
        // Starts the host now (migrations included) rather than inside the first test's timing.
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteServer() : ServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresServer() : ServerFixture(DatabaseProvider.Postgres);

public sealed class UnlimitedSqliteServer() : ServerFixture(DatabaseProvider.Sqlite, RateLimitsOff);

public sealed class UnlimitedPostgresServer() : ServerFixture(DatabaseProvider.Postgres, RateLimitsOff);
