using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Sources;
using UniRetail.Members;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>Erasure finds a person's events by the identifiers the projector reads from them, compared in normal form.</summary>
public abstract class ErasureTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller _admin = null!;
    private string _web = null!;

    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule().AddMembersModule().AddMarketingModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var tenant = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        _admin = Caller.AdminOf(tenant.Value.TenantId);
        _web = (await Get<ManageSources>().CreateAsync(_admin, new CreateSourceRequest("web", null, null), Ct)).Value.WriteKey;
    }

    private async Task<int> SendAsync(string batchItems)
    {
        var outcome = await Get<IngestEvents>().HandleAsync(null, Encoding.UTF8.GetBytes($$"""{"batch":[{{batchItems}}]}"""), _web, Ct);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        Assert.Empty(outcome.Value.Rejected);
        return outcome.Value.Stored;
    }

    private async Task<ErasureView> EraseAsync(string type, string value)
    {
        var erased = await Get<ErasePerson>().HandleAsync(_admin, new PersonRequest(null, type, value), Ct);
        Assert.True(erased.IsSuccess, erased.Error?.Message);
        return erased.Value;
    }

    private async Task<IEnumerable<string?>> AnonymousIdsLeftAsync() =>
        (await Get<EventQueries>().ListAsync(_admin, null, 1000, null, null, Ct)).Value.Select(e => e.AnonymousId);

    [Fact]
    public async Task Erase_APhone_DeletesTheEventsCarryingItInAnyWritingAndNoneThatOnlyMentionIt()
    {
        await SendAsync("""
            {"type":"identify","anonymousId":"a1","traits":{"phone":"07700 900123"}},
            {"type":"track","anonymousId":"a2","event":"Viewed","context":{"traits":{"Phone":"+44 7700 900123"}}},
            {"type":"identify","anonymousId":"a3","traits":{"phone":"+447700900124"}},
            {"type":"identify","anonymousId":"a4","traits":{"bio":"call me on +447700900123"}},
            {"type":"group","anonymousId":"a5","groupId":"g1","traits":{"phone":"+447700900123"}}
            """);

        var erasure = await EraseAsync("phone", "+447700900123");

        // a5's phone is its group's (a group call's traits describe the group), as the projector reads it.
        Assert.Equal(2, erasure.EventsErased);
        Assert.Equal(["a3", "a4", "a5"], await AnonymousIdsLeftAsync());
        Assert.Equal(1, await SendAsync("""
            {"type":"identify","anonymousId":"a6","traits":{"phone":"07700 900 123"}},
            {"type":"identify","anonymousId":"a7","traits":{"phone":"07700 900 124"}}
            """));
        Assert.Equal(["a3", "a4", "a5", "a7"], await AnonymousIdsLeftAsync());
    }

    [Fact]
    public async Task Erase_AnEmailOrADeviceId_LeavesValuesThatMerelyContainIt()
    {
        await SendAsync("""
            {"type":"identify","anonymousId":"a1","traits":{"email":" N@Example.com "}},
            {"type":"identify","anonymousId":"a2","traits":{"email":"ann@example.com"}},
            {"type":"track","anonymousId":"a3","event":"Viewed","context":{"traits":{"email":"jo\u0068n@example.com"}}},
            {"type":"track","anonymousId":"a4","event":"Viewed","context":{"device":{"id":"ipad-1"}}},
            {"type":"track","anonymousId":"a5","event":"Viewed","context":{"device":{"id":"ipad-10"}}},
            {"type":"track","anonymousId":"a6","event":"Viewed","context":{"device":{"id":" ipad-1 "}}}
            """);

        Assert.Equal(1, (await EraseAsync("email", "n@example.com")).EventsErased);
        Assert.Equal(1, (await EraseAsync("email", "john@example.com")).EventsErased);
        Assert.Equal(2, (await EraseAsync("device_id", "ipad-1")).EventsErased);

        Assert.Equal(["a2", "a5"], await AnonymousIdsLeftAsync());
    }
}

public sealed class ErasureSqliteTests() : ErasureTests(DatabaseProvider.Sqlite);

public sealed class ErasurePostgresTests() : ErasureTests(DatabaseProvider.Postgres);
