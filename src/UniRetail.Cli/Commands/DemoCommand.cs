using Microsoft.Extensions.DependencyInjection;
using UniRetail.Server;
using System.CommandLine;
using UniRetail.Cli.Demo;

namespace UniRetail.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var shoppers = new Option<int>("--shoppers") { Description = "Shoppers in the simulated trading day", DefaultValueFactory = _ => 4000 };
        var members = new Option<int>("--members") { Description = "Members to register", DefaultValueFactory = _ => 3000 };
        var products = new Option<int>("--products") { Description = "Best-selling products of the data set to list", DefaultValueFactory = _ => 400 };
        var workers = new Option<int>("--workers") { Description = "Shoppers served at once", DefaultValueFactory = _ => 16 };
        var command = new Command("demo", "Create a London retailer (a DC, eleven stores, a real catalog, stock, members) and simulate a trading day")
        {
            shoppers, members, products, workers,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = new DemoSettings(result.GetValue(shoppers), result.GetValue(members), result.GetValue(products), result.GetValue(workers));
            if (settings.Shoppers < 1 || settings.Members < 1 || settings.Products < 10 || settings.Workers < 1)
                return CliOutput.Fail("--shoppers, --members and --workers must be at least 1, --products at least 10");
            var clock = new DemoClock(DemoRetailer.Opening);
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct, s => s.AddSingleton<TimeProvider>(clock));
            var outcome = await new DemoRunner(host, clock, settings).RunAsync(ct);
            return outcome;
        });
        return command;
    }
}
