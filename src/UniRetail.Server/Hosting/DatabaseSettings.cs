using UniRetail.Data;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Storage from configuration: <c>UniRetail:Postgres</c> (a connection string) wins, else <c>UniRetail:Sqlite</c> (a file,
/// default <c>uniretail.db</c>). As environment variables: <c>UniRetail__Postgres</c>, <c>UniRetail__Sqlite</c>.
/// </summary>
internal static class DatabaseSettings
{
    public static DatabaseOptions From(IConfiguration configuration) =>
        DatabaseOptions.From(configuration["UniRetail:Sqlite"], configuration["UniRetail:Postgres"]);
}
