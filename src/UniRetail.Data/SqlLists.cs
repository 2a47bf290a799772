using System.Data.Common;
using Npgsql;

namespace UniRetail.Data;

/// <summary>"Column is one of a list", written the way each engine takes it.</summary>
public static class SqlLists
{
    /// <summary>
    /// <c>column</c> is one of the list <c>@parameter</c>. Dapper expands a list into <c>IN (@p1, @p2, ...)</c> for SQLite but
    /// hands Npgsql one array parameter, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    public static string In(DbConnection connection, string column, string parameter) =>
        connection is NpgsqlConnection ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>
    /// <c>column</c> is one of a long list of strings passed as one parameter (<see cref="Strings"/>): a text array on
    /// PostgreSQL, a JSON array unpacked by <c>json_each</c> on SQLite. One statement text whatever the list's length, so
    /// the engine prepares it once, where Dapper's expansion writes a new statement (and binds a parameter) per value.
    /// </summary>
    public static string InStrings(DbConnection connection, string column, string parameter) =>
        connection is NpgsqlConnection ? $"{column} = ANY(@{parameter})" : $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The parameter value <see cref="InStrings"/> expects.</summary>
    public static object Strings(DbConnection connection, IEnumerable<string> values) =>
        connection is NpgsqlConnection ? values.ToArray() : System.Text.Json.JsonSerializer.Serialize(values);
}
