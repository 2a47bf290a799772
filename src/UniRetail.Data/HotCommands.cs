using System.Data.Common;

namespace UniRetail.Data;

/// <summary>
/// Commands kept for the life of a writer connection, for the few statements on the place-order path. Dapper builds a
/// new command and binds its parameters by reflection on every call; on the single SQLite writer that work, not the
/// SQL, was most of each statement's cost (docs/benchmarks.md). A kept command keeps its prepared statement and its
/// parameter objects; the caller only sets values, in the order the names were given.
/// </summary>
public sealed class HotCommands : IDisposable
{
    private readonly Dictionary<string, (DbCommand Command, int[] Slots)> _commands = new(StringComparer.Ordinal);
    private readonly DbConnection _connection;

    internal HotCommands(DbConnection connection) => _connection = connection;

    /// <summary>The kept command for <paramref name="sql"/>, joined to <paramref name="transaction"/>, its values set from <paramref name="values"/>.</summary>
    public DbCommand Bind(DbTransaction transaction, string sql, IReadOnlyList<string> parameterNames, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(values);
        if (parameterNames.Count != values.Length)
            throw new ArgumentException($"{parameterNames.Count} parameters but {values.Length} values.", nameof(values));
        if (!_commands.TryGetValue(sql, out var kept))
            _commands[sql] = kept = Create(sql, parameterNames);
        var (command, slots) = kept;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            if (slots[i] >= 0)
                command.Parameters[slots[i]].Value = values[i] ?? DBNull.Value;
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var (command, _) in _commands.Values)
            command.Dispose();
        _commands.Clear();
    }

    /// <summary>A command with a parameter for each name the SQL uses (as Dapper does, unused names are left out: Npgsql rejects them).</summary>
    private (DbCommand, int[]) Create(string sql, IReadOnlyList<string> parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var slots = new int[parameterNames.Count];
        for (var i = 0; i < parameterNames.Count; i++)
        {
            if (!UsesParameter(sql, parameterNames[i]))
            {
                slots[i] = -1;
                continue;
            }
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameterNames[i];
            slots[i] = command.Parameters.Add(parameter);
        }
        return (command, slots);
    }

    private static bool UsesParameter(string sql, string name)
    {
        for (var at = sql.IndexOf(name, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
                return true;
        }
        return false;
    }
}
