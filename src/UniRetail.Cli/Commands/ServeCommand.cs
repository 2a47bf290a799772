using System.CommandLine;
using Microsoft.Extensions.Hosting;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Run the HTTP API (OpenAPI at /openapi/v1.json)") { urls };
        command.SetAction(async (result, ct) =>
        {
            await using var app = ServerHost.Build(ServerArgs(result, result.GetValue(urls)!));
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return CliOutput.Ok;
        });
        return command;
    }

    /// <summary>The server's arguments for the database and keyring the command names, listening at <paramref name="urls"/>.</summary>
    public static string[] ServerArgs(ParseResult result, string urls)
    {
        var options = GlobalOptions.Database(result);
        return options.Provider == Data.DatabaseProvider.Postgres
            ? [$"--UniRetail:Postgres={result.GetValue(GlobalOptions.Postgres)}", $"--urls={urls}", $"--UniRetail:KeysFile={options.KeysFile}"]
            : [$"--UniRetail:Sqlite={result.GetValue(GlobalOptions.Db)}", $"--urls={urls}", $"--UniRetail:KeysFile={options.KeysFile}"];
    }
}
