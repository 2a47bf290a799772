using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UniRetail.Server;
using System.CommandLine;
using UniRetail.Cli.Demo;
using UniRetail.Store.Contracts;

namespace UniRetail.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var shoppers = new Option<int>("--shoppers") { Description = "Shoppers in the simulated trading day", DefaultValueFactory = _ => 4000 };
        var members = new Option<int>("--members") { Description = "Members to register", DefaultValueFactory = _ => 3000 };
        var products = new Option<int>("--products") { Description = "Best-selling products of the data set to list", DefaultValueFactory = _ => 400 };
        var workers = new Option<int>("--workers") { Description = "Shoppers served at once", DefaultValueFactory = _ => 16 };
        var serve = new Option<bool>("--serve") { Description = "Then serve the API and the console on the demo's data, printing a sign-in for each role" };
        var urls = new Option<string>("--urls") { Description = "Where --serve listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", "Create a London retailer (a DC, eleven stores, a real catalog, stock, members) and simulate a trading day")
        {
            shoppers, members, products, workers, serve, urls,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = new DemoSettings(result.GetValue(shoppers), result.GetValue(members), result.GetValue(products), result.GetValue(workers));
            if (settings.Shoppers < 1 || settings.Members < 1 || settings.Products < 10 || settings.Workers < 1)
                return CliOutput.Fail("--shoppers, --members and --workers must be at least 1, --products at least 10");
            var clock = new DemoClock(DemoRetailer.Opening);
            IReadOnlyList<(string Email, string Role, string Password)> logins = [];
            string? tenant = null;
            int outcome;
            // The simulated day runs about a thousand times faster than a real one: a member code lives its longest (10
            // minutes of that clock), or the app's code would expire while other shoppers move the clock on.
            await using (var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct, s => s.AddSingleton<TimeProvider>(clock)
                .AddSingleton(new StoreOptions { MemberCodeLifetime = StoreOptions.MaxMemberCodeLifetime })))
            {
                var runner = new DemoRunner(host, clock, settings);
                outcome = await runner.RunAsync(ct);
                if (!result.GetValue(serve) || runner.Setup is not { } setup)
                    return outcome;
                tenant = setup.TenantName;
                logins = await DemoLogins.CreateAsync(host, setup, ct);
            }
            await using var app = ServerHost.Build(ServeCommand.ServerArgs(result, result.GetValue(urls)!));
            await app.StartAsync(ct);
            DemoLogins.Print(result.GetValue(urls)!, tenant, logins);
            await app.WaitForShutdownAsync(ct);
            return outcome;
        });
        return command;
    }
}
