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

    public static readonly Option<string?> Keys = new("--keys")
    {
        Description = "the server keyring file (default: beside the SQLite file, or ./uniretail.keys with --postgres)",
        Recursive = true,
    };

    /// <summary>The database and keyring the command names; the keyring as the server reads it (UniRetail__Keys, UniRetail__KeysFile) otherwise.</summary>
    public static DatabaseOptions Database(ParseResult result) =>
        DatabaseOptions.From(result.GetValue(Db), result.GetValue(Postgres))
            .WithKeys(Environment.GetEnvironmentVariable("UniRetail__Keys"), result.GetValue(Keys) ?? Environment.GetEnvironmentVariable("UniRetail__KeysFile"));
}
