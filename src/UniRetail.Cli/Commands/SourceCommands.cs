using System.CommandLine;
using UniRetail.Kernel;
using UniRetail.Marketing.Sources;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class SourceCommands
{
    public static Command Create()
    {
        var tenant = new Argument<string>("tenant") { Description = "The tenant id (ten_...)" };
        var kind = new Argument<string>("kind") { Description = "web, app, store, pos, social, content or ads" };
        var name = new Option<string?>("--name") { Description = "A name for the source" };
        var store = new Option<string?>("--store") { Description = "The store location id (store and pos sources)" };
        var create = new Command("create", "Create an event source and print its write key (shown once)") { tenant, kind, name, store };
        create.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var caller = Caller.AdminOf(new TenantId(result.GetValue(tenant)!));
            var request = new CreateSourceRequest(result.GetValue(kind), result.GetValue(name), result.GetValue(store));
            var created = await host.Get<ManageSources>().CreateAsync(caller, request, ct);
            if (!created.IsSuccess)
                return CliOutput.Fail(created.Error);
            Console.WriteLine($"source:    {created.Value.SourceId} ({created.Value.Kind}, {created.Value.Name})");
            Console.WriteLine($"write key: {created.Value.WriteKey}");
            Console.WriteLine("Keep the key: it is not stored and cannot be shown again. Segment SDKs take it as their write key.");
            return CliOutput.Ok;
        });
        return new Command("source", "Event sources of the data bank (write keys for the Segment-compatible event API)") { create };
    }
}
