using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using Xunit;

namespace UniRetail.Testing;

/// <summary>
/// Database tests are written once in a subclass of this and run by a SQLite and a PostgreSQL subclass
/// (<c>class XSqliteTests : XTests { public XSqliteTests() : base(DatabaseProvider.Sqlite) {} }</c>).
/// </summary>
public abstract class DatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    private ModuleHost? _host;

    protected DatabaseProvider Provider { get; } = provider;

    protected ModuleHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    protected T Get<T>() where T : notnull => Host.Get<T>();

    /// <summary>The modules (and fakes of true externals) the tests need.</summary>
    protected abstract void AddModules(IServiceCollection services);

    protected virtual TimeProvider? Clock => null;

    public virtual async ValueTask InitializeAsync() =>
        _host = await ModuleHost.StartAsync(TestDatabases.New(Provider), AddModules, Clock);

    public virtual async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
