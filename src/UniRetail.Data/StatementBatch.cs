using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace UniRetail.Data;

/// <summary>
/// One statement run for many rows of values in a write (a projector saving thousands of profiles). Dapper runs a
/// list as one command per row: fine on SQLite, where a call costs microseconds, but one network round trip per row
/// on PostgreSQL. Here PostgreSQL gets the rows as batches of up to <see cref="RowsPerRoundTrip"/> statements
/// (Npgsql's <see cref="NpgsqlBatch"/>: one round trip each), and SQLite one kept, prepared command re-bound per row.
/// </summary>
internal static partial class StatementBatch
{
    public const int RowsPerRoundTrip = 500;

    public static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, HotCommands hot, string sql, IReadOnlyList<string> parameterNames, IEnumerable<object?[]> rows)
    {
        var affected = 0;
        if (connection is NpgsqlConnection postgres)
        {
            var positional = Positional(sql, parameterNames);
            foreach (var chunk in rows.Chunk(RowsPerRoundTrip))
            {
                await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction);
                foreach (var values in chunk)
                {
                    var command = new NpgsqlBatchCommand(positional);
                    foreach (var value in values)
                        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync();
                foreach (var command in batch.BatchCommands)
                    affected += command.RecordsAffected;
            }
            return affected;
        }
        foreach (var values in rows)
            affected += await hot.Bind(transaction, sql, parameterNames, values).ExecuteNonQueryAsync();
        return affected;
    }

    /// <summary>
    /// <c>@Name</c> placeholders rewritten as PostgreSQL's <c>$1</c>, <c>$2</c>… in the order of <paramref name="parameterNames"/>
    /// (batch commands take positional parameters). Every placeholder must be one of the names.
    /// </summary>
    private static string Positional(string sql, IReadOnlyList<string> parameterNames)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < parameterNames.Count; i++)
            positions[parameterNames[i].TrimStart('@')] = i + 1;
        return Placeholder().Replace(sql, match => positions.TryGetValue(match.Groups[1].Value, out var position)
            ? $"${position}"
            : throw new ArgumentException($"'@{match.Groups[1].Value}' is not among the parameter names.", nameof(parameterNames)));
    }

    [GeneratedRegex(@"(?<![@\w])@(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
