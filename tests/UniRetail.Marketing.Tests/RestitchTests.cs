using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Stitching;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>A tenant's re-stitch: its profiles rebuilt from its events with the current rules, resumable, ids kept.</summary>
public abstract class RestitchTests(DatabaseProvider provider) : DataBankTest(provider)
{
    private Task<long> ProjectAsync() => Get<ProfileProjector>().CatchUpAsync(Ct);

    private async Task<ProfileView> ProfileAsync(string type, string value)
    {
        var found = await Get<ProfileQueries>().FindAsync(Admin, type, value, Ct);
        Assert.True(found.IsSuccess, found.Error?.Message);
        return found.Value;
    }

    private async Task<RestitchView> StartAsync()
    {
        var started = await Get<RestitchProfiles>().StartAsync(Admin, "test", Ct);
        Assert.True(started.IsSuccess, started.Error?.Message);
        return started.Value;
    }

    private async Task<RestitchView> StatusAsync() => (await Get<RestitchProfiles>().StatusAsync(Admin, Ct)).Value;

    [Fact]
    public async Task Restitch_AfterAValueIsBlocked_SplitsWhatTheOldRulesJoinedAndTheMainProfileKeepsItsIdAndConsent()
    {
        await SendAsync(Web, """
            {"type":"identify","userId":"u-ann","anonymousId":"laptop-1","traits":{"email":"family@camden.example"},"timestamp":"2026-11-01T10:00:00Z"},
            {"type":"identify","anonymousId":"tablet-2","traits":{"email":"family@camden.example"},"timestamp":"2026-11-02T10:00:00Z"}
            """);
        await ProjectAsync();
        var before = await ProfileAsync("user_id", "u-ann");
        Assert.Equal(before.ProfileId, (await ProfileAsync("anonymous_id", "tablet-2")).ProfileId);
        Assert.True((await Get<RecordConsent>().HandleAsync(Admin, before.ProfileId, new RecordConsentRequest(new Dictionary<string, bool> { ["marketing"] = true }), Ct)).IsSuccess);

        await Get<ManageIdentityRules>().SetAsync(Admin, new IdentityRulesRequest([], ["family@camden.example"]), Ct);
        Assert.Equal("running", (await StartAsync()).State);
        var replayed = await Get<Restitcher>().RunAsync(Admin.Tenant, null, Ct);

        Assert.Equal(2, replayed);
        var ann = await ProfileAsync("user_id", "u-ann");
        var tablet = await ProfileAsync("anonymous_id", "tablet-2");
        Assert.Equal(before.ProfileId, ann.ProfileId);
        Assert.NotEqual(ann.ProfileId, tablet.ProfileId);
        Assert.Equal(["anonymous_id:laptop-1", "user_id:u-ann"], ann.Identifiers.Select(i => $"{i.Type}:{i.Value}").Order());
        Assert.Equal((1L, 1L), (ann.Aggregates!.Events, tablet.Aggregates!.Events));
        Assert.Equal(MarketingErrors.UnknownProfile("").Code, (await Get<ProfileQueries>().FindAsync(Admin, "email", "family@camden.example", Ct)).ShouldFail().Code);
        var consent = Assert.Single(ann.Consent, c => c.Purpose == "marketing");
        Assert.True(consent.Granted && consent.Recorded);
        var job = await StatusAsync();
        Assert.Equal(("finished", 2L, 1L, 2L), (job.State, job.EventsReplayed, job.ProfilesBefore, job.ProfilesAfter));
    }

    [Fact]
    public async Task Restitch_InterruptedAndResumedWhileEventsArrive_CountsEveryEventOnce()
    {
        var events = string.Join(",", Enumerable.Range(0, 25).Select(i => $$"""{"type":"track","userId":"u-1","event":"Viewed {{i}}"}"""));
        await SendAsync(Web, events);
        await ProjectAsync();
        await StartAsync();

        Assert.Equal(10, (await Get<Restitcher>().StepAsync(Admin.Tenant, Ct, batchSize: 10)).Replayed);
        // Events arriving meanwhile are left to the re-stitch by the live projector, which goes past them.
        await SendAsync(Web, string.Join(",", Enumerable.Range(0, 5).Select(i => $$"""{"type":"track","userId":"u-1","event":"Later {{i}}"}""")));
        await ProjectAsync();
        Assert.Equal(10, (await ProfileAsync("user_id", "u-1")).Aggregates!.Events);
        Assert.Equal(("running", 10L), ((await StatusAsync()).State, (await StatusAsync()).EventsReplayed));

        // A new instance stands for a restarted server: it resumes from the job's stored position.
        var restarted = ActivatorUtilities.CreateInstance<Restitcher>(Host.Services);
        Assert.Equal(20, await restarted.RunAsync(Admin.Tenant, null, Ct));
        await ProjectAsync();

        Assert.Equal(30, (await ProfileAsync("user_id", "u-1")).Aggregates!.Events);
        await SendAsync(Web, """{"type":"track","userId":"u-1","event":"After"}""");
        await ProjectAsync();
        Assert.Equal(31, (await ProfileAsync("user_id", "u-1")).Aggregates!.Events);
        Assert.Equal(("finished", 30L), ((await StatusAsync()).State, (await StatusAsync()).EventsReplayed));
    }

    [Fact]
    public async Task Restitch_WhileRunning_StartingAgainFindsItAndMergesCannotBeUndone()
    {
        await SendAsync(Web, """{"type":"track","userId":"u-1","event":"A"}""");
        await ProjectAsync();
        var first = await StartAsync();

        var again = await StartAsync();
        var undo = await Get<UndoMerge>().HandleAsync(Admin, "mrg_any", Ct);

        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(MarketingErrors.RestitchRunning().Code, undo.ShouldFail().Code);
        Assert.Equal(MarketingErrors.NoRestitch().Code, (await Get<RestitchProfiles>().StatusAsync(Caller.AdminOf(new TenantId("ten_other")), Ct)).ShouldFail().Code);
    }

    [Fact]
    public async Task Restitch_APersonErasedBeforeTheJobReachedThem_IsGoneWithEveryIdentifierKeptAside()
    {
        await SendAsync(Web, """
            {"type":"identify","userId":"u-ann","traits":{"email":"ann@example.com","phone":"07700 900123"}},
            {"type":"track","userId":"u-ann","event":"Viewed"},
            {"type":"identify","userId":"u-bob","traits":{"email":"bob@example.com"}}
            """);
        await ProjectAsync();
        var ann = await ProfileAsync("email", "ann@example.com");
        Assert.True((await Get<RecordConsent>().HandleAsync(Admin, ann.ProfileId, new RecordConsentRequest(new Dictionary<string, bool> { ["marketing"] = true }), Ct)).IsSuccess);
        await StartAsync();

        var erased = await Get<ErasePerson>().HandleAsync(Admin, new PersonRequest(null, "email", "ann@example.com"), Ct);
        await Get<Restitcher>().RunAsync(Admin.Tenant, null, Ct);

        Assert.True(erased.IsSuccess, erased.Error?.Message);
        Assert.Equal((2L, 2L), (erased.Value.EventsErased, erased.Value.IdentifiersErased - 1));
        foreach (var (type, value) in new[] { ("email", "ann@example.com"), ("phone", "+447700900123"), ("user_id", "u-ann") })
            Assert.Equal(MarketingErrors.UnknownProfile("").Code, (await Get<ProfileQueries>().FindAsync(Admin, type, value, Ct)).ShouldFail().Code);
        Assert.Equal(1, (await ProfileAsync("user_id", "u-bob")).Aggregates!.Events);
        var keptAside = await Get<Database>().ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c,
            "SELECT (SELECT COUNT(*) FROM marketing_restitch_previous) + (SELECT COUNT(*) FROM marketing_restitch_consent)"), Ct);
        Assert.Equal(0, keptAside);
    }
}

public sealed class RestitchSqliteTests() : RestitchTests(DatabaseProvider.Sqlite);

public sealed class RestitchPostgresTests() : RestitchTests(DatabaseProvider.Postgres);
