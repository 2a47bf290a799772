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
}
