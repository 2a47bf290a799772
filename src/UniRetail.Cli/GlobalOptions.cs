using System.CommandLine;
using UniRetail.Data;

namespace UniRetail.Cli;

/// <summary>Options every command takes: where the data lives.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "SQLite database file (the embedded default)",
        DefaultValueFactory = _ => DatabaseOptions.DefaultSqliteFile,
        Recursive = true,
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "PostgreSQL connection string (instead of --db)",
        Recursive = true,
    };

    public static DatabaseOptions Database(ParseResult result) => DatabaseOptions.From(result.GetValue(Db), result.GetValue(Postgres));
}
