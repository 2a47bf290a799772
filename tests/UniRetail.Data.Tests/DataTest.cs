using Dapper;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Data.Tests;

/// <summary>
/// The data layer alone on a fresh database (no module), with a table of numbered rows to write:
/// <c>data_test_row (tenant_id, row_no, label, amount, created_at_ms)</c>.
/// </summary>
public abstract class DataTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected const string Tenant = "ten_data_tests";

    private readonly List<TaskCompletionSource> _gates = [];
    private ModuleHost? _host;

    protected DatabaseProvider Provider { get; } = provider;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Database Database => (_host ?? throw new InvalidOperationException("The host starts in InitializeAsync.")).Get<Database>();

    /// <summary>The settings of the database under test; a test class may change those of the fresh one.</summary>
    protected virtual DatabaseOptions Configure(DatabaseOptions fresh) => fresh;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleHost.StartAsync(Configure(TestDatabases.New(Provider)), _ => { });
        await ExecuteOutsideAsync(
            """
            CREATE TABLE data_test_row (
                tenant_id      TEXT   NOT NULL,
                row_no         BIGINT NOT NULL,
                label          TEXT   NULL,
                amount         BIGINT NULL,
                created_at_ms  BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, row_no)
            )
            """);
    }

    public async ValueTask DisposeAsync()
    {
        // A test that failed half-way must not leave an operation waiting in a writer lane: disposing would wait for it.
        lock (_gates)
            _gates.ForEach(g => g.TrySetResult());
        if (_host is not null)
            await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="work"/> through the group-commit writer.</summary>
    protected Task<Result<T>> WriteAsync<T>(Func<DbSession, Task<Result<T>>> work) => Database.WriteAsync(work, Ct);

    protected static Task InsertRowAsync(DbSession session, long rowNo, string? label = null) =>
        session.Connection.ExecuteAsync(
            "INSERT INTO data_test_row (tenant_id, row_no, label, created_at_ms) VALUES (@Tenant, @RowNo, @Label, 0)",
            new { Tenant, RowNo = rowNo, Label = label }, session.Transaction);

    /// <summary>Runs SQL on a pooled connection of its own, outside the writer.</summary>
    protected Task ExecuteOutsideAsync(string sql, object? parameters = null) =>
        Database.ReadAsync(c => c.ExecuteAsync(sql, parameters), Ct);

    /// <summary>How many of the rows are committed, read on a pooled connection (never the writer's).</summary>
    protected Task<long> CommittedAsync(params long[] rowNos) =>
        Database.ReadAsync(c => c.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM data_test_row WHERE tenant_id = @Tenant AND {SqlLists.In(c, "row_no", "RowNos")}", new { Tenant, RowNos = rowNos }), Ct);

    protected Task<long> CommittedRowsAsync() =>
        Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_test_row WHERE tenant_id = @Tenant", new { Tenant }), Ct);

    /// <summary>Something an operation waits for: opened by the test, or when the test ends, whatever happened.</summary>
    protected TaskCompletionSource Gate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gates)
            _gates.Add(gate);
        return gate;
    }

    /// <summary>
    /// Occupies a writer lane until released. On SQLite (one lane) the writes queued meanwhile are all taken into the next
    /// batch, so they share one transaction; on PostgreSQL the other lanes go on.
    /// </summary>
    protected async Task<WriterHold> HoldWriterAsync()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = Gate();
        var write = WriteAsync<Unit>(async _ =>
        {
            running.SetResult();
            await release.Task;
            return Unit.Value;
        });
        await running.Task;
        return new WriterHold(release, write);
    }

    protected sealed class WriterHold(TaskCompletionSource release, Task<Result<Unit>> write)
    {
        public Task<Result<Unit>> ReleaseAsync()
        {
            release.SetResult();
            return write;
        }
    }
}
