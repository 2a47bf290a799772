using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace UniRetail.Data;

/// <summary>
/// An INSERT of many rows that a store declares once and runs in its writes:
/// <c>INSERT INTO table (shared…, columns…) VALUES (…), (…) tail</c>, where the tail is an optional
/// <c>ON CONFLICT …</c> and/or <c>RETURNING …</c>. The shared values (a tenant, a timestamp) are bound once per
/// statement, every row's own values by the exact name the SQL writes (<c>@r3_1</c>): Microsoft.Data.Sqlite resolves a
/// bare name by trying each prefix, and SQLite finds every name by a linear scan of the statement's names. Statements run
/// through the writer's kept commands (<see cref="HotCommands"/>) and take a power-of-two number of rows, so at most
/// seven statement texts per insert are ever built, bound and prepared.
/// </summary>
public sealed class BulkInsert
{
    private const int MostRows = 64;

    private readonly (string Sql, string[] Names)[] _statements;
    private readonly int _shared;
    private readonly int _columns;

    /// <summary>
    /// An insert into <paramref name="table"/> of <paramref name="columns"/> for each row plus <paramref name="shared"/>
    /// columns whose value is the same for every row, followed by <paramref name="tail"/>.
    /// </summary>
    public BulkInsert(string table, IReadOnlyList<string> shared, IReadOnlyList<string> columns, string tail = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(tail);
        if (columns.Count == 0)
            throw new ArgumentException("A row needs at least one column of its own.", nameof(columns));
        if (shared.Concat(columns).Distinct(StringComparer.OrdinalIgnoreCase).Count() != shared.Count + columns.Count)
            throw new ArgumentException("Each column may be named once.", nameof(columns));
        _shared = shared.Count;
        _columns = columns.Count;
        _statements = Enumerable.Range(0, int.Log2(MostRows) + 1).Select(p => Build(table, shared, columns, tail, 1 << p)).ToArray();
    }

    /// <summary>
    /// The most rows one statement takes. PostgreSQL: 64, one round trip instead of 64. SQLite: 1, because
    /// Microsoft.Data.Sqlite looks every parameter up by name on every execution and SQLite finds a name by a linear scan,
    /// so a 64-row statement's hundreds of names cost more than the inserts did (docs/benchmarks.md, "Event ingestion").
    /// </summary>
    internal static int MaxRows(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? 1 : MostRows;

    /// <summary>The rows the next statement takes: the largest power of two up to <paramref name="maxRows"/> not above <paramref name="remaining"/>.</summary>
    internal static int RowsFor(int remaining, int maxRows) => Math.Min(maxRows, 1 << int.Log2(remaining));

    /// <summary>The statement text for <paramref name="rows"/> rows (a power of two up to 64).</summary>
    internal string Sql(int rows) => _statements[int.Log2(rows)].Sql;

    /// <summary>Inserts the rows (each with the values of the columns, in order); returns how many rows the statements affected.</summary>
    public Task<int> ExecuteAsync(DbSession session, IReadOnlyList<object?> shared, IEnumerable<object?[]> rows) =>
        RunAsync(session, shared, rows, 0, static async (command, affected) => affected + await command.ExecuteNonQueryAsync());

    /// <summary>Inserts the rows and reads what the RETURNING tail gives back, statement after statement, in the order each engine returns it.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(DbSession session, IReadOnlyList<object?> shared, IEnumerable<object?[]> rows) =>
        await RunAsync(session, shared, rows, new List<T>(), static async (command, results) =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            var parse = reader.GetRowParser<T>();
            while (await reader.ReadAsync())
                results.Add(parse(reader));
            return results;
        });

    private async Task<TResult> RunAsync<TResult>(
        DbSession session, IReadOnlyList<object?> shared, IEnumerable<object?[]> rows, TResult result, Func<DbCommand, TResult, Task<TResult>> run)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(rows);
        if (shared.Count != _shared)
            throw new ArgumentException($"{_shared} shared values expected, {shared.Count} given.", nameof(shared));
        var maxRows = MaxRows(session.Provider);
        var pending = new List<object?[]>(maxRows);
        foreach (var row in rows)
        {
            if (row.Length != _columns)
                throw new ArgumentException($"{_columns} values per row expected, {row.Length} given.", nameof(rows));
            pending.Add(row);
            if (pending.Count == maxRows)
            {
                result = await run(Bind(session, shared, pending, 0, maxRows), result);
                pending.Clear();
            }
        }
        for (var at = 0; at < pending.Count;)
        {
            var count = RowsFor(pending.Count - at, maxRows);
            result = await run(Bind(session, shared, pending, at, count), result);
            at += count;
        }
        return result;
    }

    private DbCommand Bind(DbSession session, IReadOnlyList<object?> shared, List<object?[]> rows, int from, int count)
    {
        var values = new object?[_shared + count * _columns];
        for (var i = 0; i < _shared; i++)
            values[i] = shared[i];
        for (var r = 0; r < count; r++)
            rows[from + r].CopyTo(values, _shared + r * _columns);
        var (sql, names) = _statements[int.Log2(count)];
        return session.BindHot(sql, names, values);
    }

    private static (string, string[]) Build(string table, IReadOnlyList<string> shared, IReadOnlyList<string> columns, string tail, int rows)
    {
        // "@s{i}" for a shared value, "@r{row}_{i}" for a row's: the letter tells the kinds apart and the "_" ends the row
        // number, so no two names are equal.
        var sharedNames = Enumerable.Range(0, shared.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"@s{i}")).ToArray();
        var names = new List<string>(sharedNames);
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", shared.Concat(columns))})\nVALUES");
        for (var r = 0; r < rows; r++)
        {
            var rowNames = Enumerable.Range(0, columns.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"@r{r}_{i}")).ToArray();
            names.AddRange(rowNames);
            sql.Append(r == 0 ? "\n(" : ",\n(").AppendJoin(", ", sharedNames.Concat(rowNames)).Append(')');
        }
        if (tail.Length > 0)
            sql.Append('\n').Append(tail);
        return (sql.ToString(), [.. names]);
    }
}
