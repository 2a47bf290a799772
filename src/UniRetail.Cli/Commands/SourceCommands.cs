using System.CommandLine;
using UniRetail.Kernel;
using UniRetail.Marketing.Sources;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class SourceCommands
{
    private static readonly Argument<string> Tenant = new("tenant") { Description = "The tenant: its id (ten_...) or its name" };

    public static Command Create() => new("source", "Event sources of the data bank (write keys for the Segment-compatible event API)")
    {
        CreateSource(), RotateKey(), RevokeKey(),
    };

    private static Command CreateSource()
    {
        var kind = new Argument<string>("kind") { Description = "web, app, store, pos, social, content or ads" };
        var name = new Option<string?>("--name") { Description = "A name for the source" };
        var store = new Option<string?>("--store") { Description = "The store location id (store and pos sources)" };
        var create = new Command("create", "Create an event source and print its write key (shown once)") { Tenant, kind, name, store };
        create.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var created = await host.Get<ManageSources>().CreateAsync(caller, new CreateSourceRequest(result.GetValue(kind), result.GetValue(name), result.GetValue(store)), ct);
            if (!created.IsSuccess)
                return CliOutput.Fail(created.Error);
            Console.WriteLine($"source:    {created.Value.SourceId} ({created.Value.Kind}, {created.Value.Name})");
            Console.WriteLine($"write key: {created.Value.WriteKey}");
            Console.WriteLine("Keep the key: it is not stored and cannot be shown again. Segment SDKs take it as their write key.");
            return CliOutput.Ok;
        }, ct));
        return create;
    }

    private static Command RotateKey()
    {
        var source = new Argument<string>("source") { Description = "The source id (src_...)" };
        var overlap = new Option<int?>("--overlap-minutes") { Description = $"How long the replaced keys keep working (default {ManageSources.DefaultOverlapMinutes}, at most {ManageSources.MaxOverlapMinutes})" };
        var rotate = new Command("rotate-key", "Issue a new write key; the source's other keys keep working for the overlap, then stop") { Tenant, source, overlap };
        rotate.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var rotated = await host.Get<ManageSources>().RotateKeyAsync(caller, result.GetValue(source)!, new RotateWriteKeyRequest(result.GetValue(overlap)), ct);
            if (!rotated.IsSuccess)
                return CliOutput.Fail(rotated.Error);
            Console.WriteLine($"write key: {rotated.Value.WriteKey}");
            foreach (var old in rotated.Value.Replaced)
                Console.WriteLine($"replaced:  {old.KeyId}, works until {old.ExpiresAt:u}");
            return CliOutput.Ok;
        }, ct));
        return rotate;
    }

    private static Command RevokeKey()
    {
        var source = new Argument<string>("source") { Description = "The source id (src_...)" };
        var key = new Argument<string>("key") { Description = "The write key's id (wk_...; the part before the secret)" };
        var revoke = new Command("revoke-key", "Revoke a write key now, on every server") { Tenant, source, key };
        revoke.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var revoked = await host.Get<ManageSources>().RevokeKeyAsync(caller, result.GetValue(source)!, result.GetValue(key)!, ct);
            if (!revoked.IsSuccess)
                return CliOutput.Fail(revoked.Error);
            Console.WriteLine($"revoked:   {result.GetValue(key)}");
            return CliOutput.Ok;
        }, ct));
        return revoke;
    }

    private static async Task<int> AsAdminAsync(ParseResult result, Func<ModuleContainer, Caller, Task<int>> work, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
        var tenant = await TenantArgument.ResolveAsync(host, result.GetValue(Tenant), ct);
        return tenant.IsSuccess ? await work(host, Caller.AdminOf(tenant.Value)) : CliOutput.Fail(tenant.Error);
    }
}
