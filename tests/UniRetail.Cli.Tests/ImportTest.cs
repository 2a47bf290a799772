using System.Diagnostics;
using Microsoft.Data.Sqlite;
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

    internal async Task<TenantId> NewTenantAsync(string name = "Camden Gifts") => (await Get<CreateTenant>().HandleAsync(name, "GBP", Ct)).Value.TenantId;

    /// <summary><c>Fixtures/online_retail_sample.csv</c>: 22 lines of the Online Retail data set's shapes.</summary>
    internal static readonly string SampleFile = Path.Combine(AppContext.BaseDirectory, "Fixtures", "online_retail_sample.csv");

    /// <summary>A new tenant with <see cref="SampleFile"/> imported through the event API.</summary>
    internal async Task<TenantId> ImportedSampleTenantAsync()
    {
        var tenant = await NewTenantAsync();
        await using var file = File.OpenRead(SampleFile);
        Assert.True((await Importer().RunAsync(tenant, file, null, Ct)).IsSuccess);
        return tenant;
    }

    /// <summary>Runs <c>dotnet UniRetail.Cli.dll</c> against this test's database, as an operator runs it; returns exit code, stdout and stderr.</summary>
    internal async Task<(int Exit, string Out, string Error)> CliAsync(params string[] arguments)
    {
        var options = Get<Database>().Options;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "UniRetail.Cli.dll"));
        start.ArgumentList.Add(options.Provider == DatabaseProvider.Sqlite ? "--db" : "--postgres");
        start.ArgumentList.Add(options.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(options.ConnectionString).DataSource : options.ConnectionString);
        start.ArgumentList.Add("--keys");
        start.ArgumentList.Add(options.KeysFile);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}
