using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using UniRetail.Data;

namespace UniRetail.Catalog.Persistence;

/// <summary>
/// One INSERT of many rows, each value bound as a parameter named exactly as the SQL writes it (<c>@p3_1</c>). Dapper
/// binds by bare name, which Microsoft.Data.Sqlite resolves by scanning every parameter of the statement: fine for a
/// handful, seconds for the thousands a catalog import binds.
/// </summary>
internal sealed class MultiRowInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly StringBuilder _values = new();
    private int _rows;

    public MultiRowInsert(DbSession session)
    {
        _command = session.Connection.CreateCommand();
        _command.Transaction = session.Transaction;
    }

    public void AddRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values.Append(_rows == 0 ? "(" : ", (");
        for (var i = 0; i < values.Length; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@p{_rows}_{i}");
            _values.Append(i == 0 ? "" : ", ").Append(name);
            var parameter = _command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = values[i] ?? DBNull.Value;
            if (values[i] is null)
                parameter.DbType = DbType.String;
            _command.Parameters.Add(parameter);
        }
        _values.Append(')');
        _rows++;
    }

    /// <summary>Runs <c>{insert} VALUES (rows) {rest}</c> and reads the rows its RETURNING clause gives back.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string insert, string rest)
    {
        _command.CommandText = $"{insert} VALUES {_values} {rest}";
        await using var reader = await _command.ExecuteReaderAsync();
        var parse = reader.GetRowParser<T>();
        var results = new List<T>(_rows);
        while (await reader.ReadAsync())
            results.Add(parse(reader));
        return results;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
