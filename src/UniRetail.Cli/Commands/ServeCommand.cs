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
            var options = GlobalOptions.Database(result);
            string[] args = options.Provider == Data.DatabaseProvider.Postgres
                ? [$"--UniRetail:Postgres={result.GetValue(GlobalOptions.Postgres)}", $"--urls={result.GetValue(urls)}", $"--UniRetail:KeysFile={options.KeysFile}"]
                : [$"--UniRetail:Sqlite={result.GetValue(GlobalOptions.Db)}", $"--urls={result.GetValue(urls)}", $"--UniRetail:KeysFile={options.KeysFile}"];
            await using var app = ServerHost.Build(args);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return CliOutput.Ok;
        });
        return command;
    }
}
