using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Stitching;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>Erasure finds a person's events by the identifiers the projector reads from them, compared in normal form.</summary>
public abstract class ErasureTests(DatabaseProvider provider) : DataBankTest(provider)
{
    private Task<int> SendAsync(string batchItems) => SendAsync(Web, batchItems);

    private async Task<ErasureView> EraseAsync(string type, string value)
    {
        var erased = await Get<ErasePerson>().HandleAsync(Admin, new PersonRequest(null, type, value), Ct);
        Assert.True(erased.IsSuccess, erased.Error?.Message);
        return erased.Value;
    }

    private async Task<IEnumerable<string?>> AnonymousIdsLeftAsync() =>
        (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.AnonymousId);

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

    [Fact]
    public async Task Erase_WhileAnotherServerIngestsAndProjectsForThePerson_LeavesNothingOfThem()
    {
        // A second server on the same database: its suppression list is read (empty) before the erasure, on this one.
        await using var other = await ModuleHost.StartAsync(Get<DatabaseOptions>(), AddModules);
        var ingest = other.Get<IngestEvents>();
        var projector = other.Get<ProfileProjector>();
        await SendAsync("""{"type":"identify","userId":"u-pia","traits":{"email":"pia@example.com"}},{"type":"identify","userId":"u-bo"}""");
        await projector.CatchUpAsync(Ct);
        var erased = new TaskCompletionSource();
        var sent = 0;

        async Task SendUntilAfterTheErasureAsync(int sender)
        {
            for (var after = 0; after < 5; after += erased.Task.IsCompleted ? 1 : 0)
            {
                var n = Interlocked.Increment(ref sent);
                var body = """{"userId":"u-pia","event":"Viewed N","context":{"traits":{"email":"pia@example.com"}}}""".Replace("N", $"{n}", StringComparison.Ordinal);
                Assert.True((await ingest.HandleAsync("track", Encoding.UTF8.GetBytes(body), Web, Ct)).IsSuccess);
                if (sender == 0)
                    await projector.DrainAsync(Ct);
            }
        }

        var senders = Enumerable.Range(0, 8).Select(s => Task.Run(() => SendUntilAfterTheErasureAsync(s), Ct)).ToList();
        while (Volatile.Read(ref sent) < 40)
            await Task.Delay(5, Ct);
        var erasure = await EraseAsync("email", "pia@example.com");
        erased.SetResult();
        await Task.WhenAll(senders);
        await projector.CatchUpAsync(Ct);

        Assert.True(erasure.EventsErased >= 40, $"The erasure ran before the senders got going ({erasure.EventsErased} events erased).");
        Assert.Equal(["u-bo"], (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.UserId));
        Assert.Equal(ErrorKind.NotFound, (await Get<ProfileQueries>().FindAsync(Admin, "user_id", "u-pia", Ct)).ShouldFail().Kind);
        Assert.Equal(ErrorKind.NotFound, (await Get<ProfileQueries>().FindAsync(Admin, "email", "pia@example.com", Ct)).ShouldFail().Kind);
    }

    [Fact]
    public async Task AnErasureInProgress_HoldsIngestionAndTheProjectorBackUntilItCommits_ThenBothHonourIt()
    {
        var projector = Get<ProfileProjector>();
        await SendAsync("""{"type":"identify","userId":"u-bo"},{"type":"track","userId":"u-kai","event":"Viewed"}""");
        var tenant = Admin.Tenant;
        // On PostgreSQL the feed shows an event only once no older transaction anywhere in the cluster is still open (other
        // test classes run beside this one): wait until the projector can see both, so its step has them to save.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Get<Database>().ReadAsync(c => Get<EventFeed>().ReadAsync(c, FeedPosition.Start, 10), Ct)).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The feed did not show the two events within 60 s.");
            await Task.Delay(50, Ct);
        }
        await using var connection = await Get<Database>().OpenAsync(Ct);
        await using var erasure = await connection.BeginTransactionAsync(Ct);
        // An erasure of u-kai, stopped half-way: the epoch moved first (as ErasePerson does), the person's events deleted
        // and their identifier suppressed, not yet committed.
        await connection.ExecuteAsync("UPDATE marketing_erasure_epoch SET epoch = epoch + 1 WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }, erasure);
        await connection.ExecuteAsync("DELETE FROM marketing_event WHERE tenant_id = @Tenant AND user_id = 'u-kai'", new { Tenant = tenant.Value }, erasure);
        await connection.ExecuteAsync(
            "INSERT INTO marketing_suppression (tenant_id, fingerprint, erasure_id, at_ms) VALUES (@Tenant, @Fingerprint, 'era_1', 0)",
            new { Tenant = tenant.Value, Fingerprint = Get<ErasureFingerprints>().For(tenant, new Identifier(IdentifierType.UserId, "u-kai")) }, erasure);

        var ingested = Get<IngestEvents>().HandleAsync("track", Encoding.UTF8.GetBytes("""{"userId":"u-kai","event":"Viewed Again"}"""), Web, Ct);
        var projected = projector.StepAsync(Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(ingested.IsCompleted, "Ingestion stored past an erasure that had not committed.");
        Assert.False(projected.IsCompleted, "The projector saved past an erasure that had not committed.");
        await erasure.CommitAsync(Ct);

        Assert.Equal((1, 0), ((await ingested).Value.Accepted, (await ingested).Value.Stored));
        await projected;
        await projector.CatchUpAsync(Ct);
        Assert.Equal(["u-bo"], (await Get<EventQueries>().ListAsync(Admin, null, null, new PageQuery(500, null), Ct)).Items.Select(e => e.UserId));
        Assert.Equal(ErrorKind.NotFound, (await Get<ProfileQueries>().FindAsync(Admin, "user_id", "u-kai", Ct)).ShouldFail().Kind);
        Assert.True((await Get<ProfileQueries>().FindAsync(Admin, "user_id", "u-bo", Ct)).IsSuccess);
    }
}

public sealed class ErasureSqliteTests() : ErasureTests(DatabaseProvider.Sqlite);

public sealed class ErasurePostgresTests() : ErasureTests(DatabaseProvider.Postgres);
