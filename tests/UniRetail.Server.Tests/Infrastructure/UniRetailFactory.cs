using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using UniRetail.Data;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>The real server in memory, on its own database, configured the way an operator configures it.</summary>
public sealed class UniRetailFactory(DatabaseOptions database) : WebApplicationFactory<Program>
{
    public DatabaseOptions Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: the tests see what customers see (no developer exception page, no stack traces).
        builder.UseEnvironment("Production");
        if (Database.Provider == DatabaseProvider.Sqlite)
            builder.UseSetting("UniRetail:Sqlite", new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource);
        else
            builder.UseSetting("UniRetail:Postgres", Database.ConnectionString);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
