using Npgsql;
using UniRetail.Data;
using Xunit;

namespace UniRetail.Testing;

/// <summary>A fresh, empty database per test class: a temp SQLite file, or a new schema in the PostgreSQL named by UNIRETAIL_TEST_PG.</summary>
public static class TestDatabases
{
    public const string PostgresVariable = "UNIRETAIL_TEST_PG";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static DatabaseOptions NewSqlite() =>
        DatabaseOptions.Sqlite(Path.Combine(Path.GetTempPath(), "uniretail-tests", $"{Guid.NewGuid():N}.db"));

    /// <summary>A new schema in the test PostgreSQL; skips the calling test when none is configured.</summary>
    public static DatabaseOptions NewPostgres()
    {
        var connectionString = PostgresConnectionString;
        if (connectionString is null)
            Assert.Skip($"PostgreSQL tests need {PostgresVariable} (a connection string); .ci/run sets it.");
        var schema = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return DatabaseOptions.Postgres(builder.ConnectionString);
    }

    public static DatabaseOptions New(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? NewSqlite() : NewPostgres();

    static TestDatabases() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "uniretail-tests"));
}
