using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Sources;
using UniRetail.Members;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>A tenant with a web source on a fresh database, and the call data-bank tests repeat: a batch in through the event API.</summary>
public abstract class DataBankTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Caller Admin { get; private set; } = null!;

    protected string Web { get; private set; } = null!;

    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule().AddMembersModule().AddMarketingModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var tenant = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        Admin = Caller.AdminOf(tenant.Value.TenantId);
        Web = await NewSourceAsync("web");
    }

    /// <summary>A source's write key.</summary>
    protected async Task<string> NewSourceAsync(string kind, string? name = null) =>
        (await Get<ManageSources>().CreateAsync(Admin, new CreateSourceRequest(kind, name, null), Ct)).Value.WriteKey;

    /// <summary>Sends the events (JSON objects separated by commas) as one batch, all of which must be accepted; returns how many were stored.</summary>
    protected async Task<int> SendAsync(string writeKey, string batchItems)
    {
        var outcome = await Get<IngestEvents>().HandleAsync(null, Encoding.UTF8.GetBytes($$"""{"batch":[{{batchItems}}]}"""), writeKey, Ct);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        Assert.Empty(outcome.Value.Rejected);
        return outcome.Value.Stored;
    }
}
