using Microsoft.Extensions.DependencyInjection;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Data;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;
using UniRetail.Server;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary>Every module, as the CLI's container wires them, and the import built from them as the command builds it.</summary>
public abstract class ImportTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void AddModules(IServiceCollection services) => services.AddUniRetailModules();

    internal OnlineRetailImport Importer() =>
        new(Get<RegisterMembers>(), Get<IMemberDirectory>(), Get<ManageSources>(), Get<IngestEvents>());

    internal async Task<TenantId> NewTenantAsync() => (await Get<CreateTenant>().HandleAsync("Camden Gifts", "GBP", Ct)).Value.TenantId;
}
