using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// Our own HTTP fuzzer: for every operation of the server's OpenAPI document (the event API under /v1 included) it sends
/// seeded, generated bad input built from a request that succeeds (see <see cref="CaseGenerator"/>), and holds every
/// answer to <see cref="AnswerRules"/>. Afterwards the stock ledger still balances and the data bank still reads.
/// </summary>
public abstract class HttpFuzzerTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task EveryOperationAnswersGeneratedBadInputAsAClientErrorAndKeepsItsDataReadable()
    {
        var settings = FuzzSettings.FromEnvironment();
        var ours = await SeededTenant.CreateAsync(Server.Factory, "Camden Goods");
        var theirs = await SeededTenant.CreateAsync(Server.Factory, "Brixton Bazaar");
        var targets = await TargetsAsync(await ApiDocument.ReadAsync(Server.Factory.CreateClient()), ours, theirs);
        var generator = new CaseGenerator(settings.Seed, targets,
            [("integration", ours.Integration.Token), ("marketer", ours.Marketer.Token), ("store_staff", ours.StaffA.Token)]);
        var run = new FuzzRun(Server.Factory, ours.Retailer.AdminToken);
        var clock = Stopwatch.StartNew();

        foreach (var fuzz in generator.Sweep().Concat(generator.Random(settings.RandomCases)))
            await run.SendAsync(fuzz);

        TestContext.Current.TestOutputHelper?.WriteLine(run.Summary(settings, clock.Elapsed));
        await CheckAfterwardsAsync(run, ours);
        Assert.True(run.BrokenKinds == 0, run.Report(settings));
    }

    /// <summary>Every operation with a request that succeeds for us, and the same operation as the other tenant sends it.</summary>
    private static async Task<IReadOnlyList<FuzzTarget>> TargetsAsync(ApiDocument document, SeededTenant ours, SeededTenant theirs)
    {
        var (ourCalls, theirCalls) = (new ValidCalls(ours), new ValidCalls(theirs));
        var targets = new List<FuzzTarget>();
        foreach (var operation in document.Operations)
            targets.Add(new FuzzTarget(operation, await ourCalls.ForAsync(operation, ours.StoreA), await theirCalls.ForAsync(operation, theirs.StoreA)));
        return targets;
    }

    /// <summary>The ledger balances, and every page of the event bank, Ann's timeline, her export and the orders still read.</summary>
    private static async Task CheckAfterwardsAsync(FuzzRun run, SeededTenant ours)
    {
        await run.CheckAfterwardsAsync(ApiRequest.Get("/api/inventory/ledger/check"),
            (status, body) => status == HttpStatusCode.OK && JsonDocument.Parse(body).RootElement.GetProperty("consistent").GetBoolean());
        await run.CheckAfterwardsAsync(ApiRequest.Get("/api/orders"), (status, _) => status == HttpStatusCode.OK);
        await run.CheckAfterwardsAsync(ApiRequest.Get($"/api/marketing/profiles/{ours.AnnProfileId}/timeline"), (status, _) => (int)status < 500);
        await run.CheckAfterwardsAsync(ApiRequest.Post("/api/marketing/exports", new { type = "email", value = ours.AnnEmail }), (status, _) => (int)status < 500);
        var page = "/api/marketing/events?limit=50";
        for (var pages = 0; pages < 200; pages++)
        {
            var body = await run.CheckAfterwardsAsync(ApiRequest.Get(page), (status, _) => status == HttpStatusCode.OK);
            if (AnswerRules.Parse(body) is not { ValueKind: JsonValueKind.Object } events || events.GetProperty("next").GetString() is not { } next)
                break;
            page = $"/api/marketing/events?limit=50&cursor={Uri.EscapeDataString(next)}";
        }
    }
}

public sealed class HttpFuzzerSqliteTests(UnlimitedSqliteServer server) : HttpFuzzerTests(server), IClassFixture<UnlimitedSqliteServer>;

public sealed class HttpFuzzerPostgresTests(UnlimitedPostgresServer server) : HttpFuzzerTests(server), IClassFixture<UnlimitedPostgresServer>;
