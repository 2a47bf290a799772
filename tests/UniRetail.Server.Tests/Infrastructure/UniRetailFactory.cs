using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using UniRetail.Data;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory, on its own database, configured the way an operator configures it; <paramref name="settings"/>
/// adds configuration (rate limits, request logging) as an operator would.
/// </summary>
public sealed class UniRetailFactory(DatabaseOptions database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public DatabaseOptions Database { get; } = database;

    /// <summary>Every line the server logged, at every level its configuration lets through.</summary>
    public ConcurrentQueue<string> Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: the tests see what customers see (no developer exception page, no stack traces).
        builder.UseEnvironment("Production");
        if (Database.Provider == DatabaseProvider.Sqlite)
            builder.UseSetting("UniRetail:Sqlite", new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource);
        else
            builder.UseSetting("UniRetail:Postgres", Database.ConnectionString);
        builder.UseSetting("UniRetail:KeysFile", Database.KeysFile);
        // Tests refresh complements right after placing orders, which have all committed by then.
        builder.UseSetting("UniRetail:Store:ComplementSettleSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            if (settings is null)
                logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(new QueueLoggerProvider(Logged));
        });
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
