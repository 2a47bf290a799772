using System.CommandLine;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Server;

namespace UniRetail.Cli;

/// <summary>A tenant as commands take it: its id (<c>ten_…</c>), or its name when exactly one tenant has that name.</summary>
internal static class TenantArgument
{
    /// <summary>
    /// Starts the host on the command's database, resolves <paramref name="tenant"/> and runs <paramref name="run"/> as the
    /// tenant's admin; a tenant it cannot resolve fails with one line.
    /// </summary>
    public static async Task<int> RunAsAdminAsync(ParseResult result, Option<string> tenant, Func<ModuleContainer, Caller, Task<int>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(run);
        await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
        var resolved = await ResolveAsync(host, result.GetValue(tenant), ct);
        return resolved.IsSuccess ? await run(host, Caller.AdminOf(resolved.Value)) : CliOutput.Fail(resolved.Error);
    }

    public static async Task<Result<TenantId>> ResolveAsync(ModuleContainer host, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.IsNullOrWhiteSpace(text))
            return Error.Validation("identity.tenant_required", "Name the tenant by its id (ten_…) or its name.", "tenant");
        var tenants = host.Get<ITenantDirectory>();
        if (await tenants.FindAsync(new TenantId(text.Trim()), ct) is { } byId)
            return byId.Id;
        var named = await tenants.NamedAsync(text, ct);
        return named.Count switch
        {
            1 => named[0].Id,
            0 => Error.NotFound("identity.unknown_tenant", $"No tenant has the id or name '{text}'.", "tenant"),
            _ => Error.Validation("identity.ambiguous_tenant",
                $"{(named.Count == 10 ? "10 or more" : named.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} tenants are named '{text}' " +
                $"({string.Join(", ", named.Select(t => t.Id.Value))}): give the tenant's id.", "tenant"),
        };
    }
}
