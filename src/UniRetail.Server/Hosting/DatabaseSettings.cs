using UniRetail.Data;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Storage from configuration: <c>UniRetail:Postgres</c> (a connection string) wins, else <c>UniRetail:Sqlite</c> (a file,
/// default <c>uniretail.db</c>); the server keyring from <c>UniRetail:Keys</c> or <c>UniRetail:KeysFile</c>. As environment
/// variables: <c>UniRetail__Postgres</c>, <c>UniRetail__Sqlite</c>, <c>UniRetail__Keys</c>, <c>UniRetail__KeysFile</c>.
/// </summary>
internal static class DatabaseSettings
{
    public static DatabaseOptions From(IConfiguration configuration) =>
        DatabaseOptions.From(configuration["UniRetail:Sqlite"], configuration["UniRetail:Postgres"])
            .WithKeys(configuration["UniRetail:Keys"], configuration["UniRetail:KeysFile"]);
}
