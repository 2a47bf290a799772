using System.CommandLine;
using UniRetail.Catalog.Import;

namespace UniRetail.Cli.Commands;

internal static class ImportCommands
{
    public static readonly Option<string> Tenant = new("--tenant") { Description = "The tenant: its id (printed by 'tenant create') or its name", Required = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV: product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes" };
        var catalog = new Command("catalog", "Import (create or update) products and SKUs from a CSV file; a bad row rejects the whole file") { file, Tenant };
        catalog.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
                return CliOutput.Fail($"no such file: {path.FullName}");
            return await TenantArgument.RunAsAdminAsync(result, Tenant, async (host, admin) =>
            {
                await using var stream = path.OpenRead();
                var imported = await host.Get<ImportCatalog>().HandleAsync(admin, stream, ct);
                if (!imported.IsSuccess)
                    return CliOutput.Fail(imported.Error);
                Console.WriteLine(imported.Value);
                return CliOutput.Ok;
            }, ct);
        });
        return new Command("import", "Import data") { catalog, OnlineRetailCommand.Create(), CompleteJourneyCommand.Create() };
    }
}
