using UniRetail.Data;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// One running server per test class on a fresh database. PostgreSQL runs only when UNIRETAIL_TEST_PG is set;
/// otherwise every test that asks for the server is skipped with the reason.
/// </summary>
public abstract class ServerFixture(DatabaseProvider provider) : IAsyncLifetime
{
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
        _factory = new UniRetailFactory(TestDatabases.New(Provider));
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
