using UniRetail.Server;
using System.CommandLine;
using UniRetail.Identity.Tenants;

namespace UniRetail.Cli.Commands;

internal static class TenantCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The brand or retailer" };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency it sells in", DefaultValueFactory = _ => "GBP" };
        var create = new Command("create", "Create a tenant and print its id and first admin API key (shown once)") { name, currency };
        create.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var created = await host.Get<CreateTenant>().HandleAsync(result.GetValue(name), result.GetValue(currency), ct);
            if (!created.IsSuccess)
                return CliOutput.Fail(created.Error);
            Console.WriteLine($"tenant:    {created.Value.TenantId}");
            Console.WriteLine($"admin key: {created.Value.AdminKey}");
            Console.WriteLine("Keep the key: it is not stored and cannot be shown again. Send it as 'Authorization: Bearer <key>'.");
            return CliOutput.Ok;
        });
        return new Command("tenant", "Tenants (brands, retailers)") { create };
    }
}
