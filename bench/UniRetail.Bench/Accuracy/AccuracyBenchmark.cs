using System.Text;
using System.Text.Json.Nodes;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Registration;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Server;

namespace UniRetail.Bench.Accuracy;

/// <summary>One run: the population's scores, what it sent, and the projector's throughput on the stream beside its bare read.</summary>
internal sealed record AccuracyReport(string Database, int Shoppers, int Members, int Events, int Orders, long Profiles, IReadOnlyList<GroupScore> Scores, ProjectorReport Projector);

/// <summary>
/// Identity resolution accuracy: a labelled population is registered as members, sent through the event API's ingestion
/// (<c>/v1/batch</c> bodies with each source's write key, in the order the events happened), its members' orders placed
/// through the Orders module, all of it projected by the product's projector, and every shopper's own identifiers read back
/// through the profile lookup (<c>GET /api/marketing/profiles?type=&amp;value=</c>'s handler).
/// </summary>
internal static class AccuracyBenchmark
{
    private const int BatchSize = 100;
    private const int Stores = 4;

    public static async Task<AccuracyReport> RunAsync(BenchDatabase database, int shoppers, int seed, Action<string> step, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        step($"{database.Name}: setting up the retailer");
        var setup = await BenchRetailer.SetUpAsync(host, 20, 1_000_000, [], ct);
        var keys = await SourcesAsync(host, setup, ct);

        var population = Population.Create(shoppers, seed);
        var log = new EventLog();
        var journeys = new Journeys(population, log, Stores);
        journeys.Prepare();
        step($"{database.Name}: registering {population.Shoppers.Count(s => s.IsMember):N0} members");
        await RegisterAsync(host, setup.Admin, population.Shoppers.Where(s => s.IsMember).ToList(), ct);
        journeys.Emit();

        step($"{database.Name}: sending {log.Events.Count:N0} events through the event API");
        foreach (var batch in Batches(log.Events))
        {
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["batch"] = new JsonArray(batch.Select(e => (JsonNode)e.Message.DeepClone()).ToArray()) }.ToJsonString());
            var outcome = await host.Get<IngestEvents>().HandleAsync(null, body, keys[batch[0].Source], ct);
            if (!outcome.IsSuccess || outcome.Value.Rejected.Count > 0)
                throw new InvalidOperationException($"the event API refused a batch: {(outcome.IsSuccess ? outcome.Value.Rejected[0].Reason : outcome.Error.Message)}");
        }
        var orders = journeys.Orders.Sum(o => o.Orders);
        step($"{database.Name}: placing {orders:N0} orders for members");
        await PlaceOrdersAsync(host, setup, journeys.Orders, ct);

        step($"{database.Name}: projecting");
        var projector = await ProjectorBenchmark.MeasureAsync(host, database, $"accuracy: {shoppers:N0} labelled shoppers", setup.Admin.Tenant, ct);
        step($"{database.Name}: reading back {population.Shoppers.Sum(s => s.Records.Count):N0} identifiers");
        var profileOf = await ReadBackAsync(host, setup.Admin, population.Shoppers, ct);
        var profiles = await host.Get<ProfileQueries>().CountAsync(setup.Admin, ct);
        return new AccuracyReport(
            database.Name, shoppers, population.Shoppers.Count(s => s.IsMember), log.Events.Count, orders, profiles, Scoring.Score(population.Shoppers, profileOf), projector);
    }

    private static async Task<Dictionary<string, string>> SourcesAsync(ModuleContainer host, BenchSetup setup, CancellationToken ct)
    {
        var sources = host.Get<ManageSources>();
        async Task<string> KeyAsync(string kind, string name, string? store) =>
            (await sources.CreateAsync(setup.Admin, new CreateSourceRequest(kind, name, store), ct)).Value.WriteKey;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["web"] = await KeyAsync("web", "Web shop", null),
            ["app"] = await KeyAsync("app", "iOS app", null),
        };
        for (var store = 0; store < Stores; store++)
        {
            keys[$"pos:{store}"] = await KeyAsync("pos", $"Tills {store}", setup.StoreIds[store]);
            keys[$"kiosk:{store}"] = await KeyAsync("store", $"iPad {store}", setup.StoreIds[store]);
        }
        return keys;
    }

    private static async Task RegisterAsync(ModuleContainer host, Caller admin, List<Shopper> members, CancellationToken ct)
    {
        foreach (var chunk in members.Chunk(1_000))
        {
            var requests = chunk.Select(s => new RegisterMemberRequest(s.Name,
            [
                new IdentifierRequest("loyalty_card", Spellings.TypedCard(s.Card!, dashes: false)),
                .. s.Email is null ? Array.Empty<IdentifierRequest>() : [new IdentifierRequest("email", s.Email)],
                .. s.Phone is null ? Array.Empty<IdentifierRequest>() : [new IdentifierRequest("phone", s.Phone)],
                .. s.AccountOnMember ? [new IdentifierRequest("account", s.UserId)] : Array.Empty<IdentifierRequest>(),
            ])).ToList();
            var registered = await host.Get<RegisterMembers>().HandleAsync(admin, requests, ct);
            if (!registered.IsSuccess || registered.Value.Rejected.Count > 0)
                throw new InvalidOperationException($"registering members failed: {(registered.IsSuccess ? registered.Value.Rejected[0].Error.Message : registered.Error.Message)}");
            foreach (var member in registered.Value.Registered)
                chunk[member.Index].MemberId = member.Id.Value;
        }
    }

    /// <summary>Runs of consecutive events from one source, in time order, at most <see cref="BatchSize"/> a request.</summary>
    private static IEnumerable<List<SentEvent>> Batches(List<SentEvent> events)
    {
        List<SentEvent>? batch = null;
        foreach (var e in events.OrderBy(e => e.At))
        {
            if (batch is not null && (batch.Count == BatchSize || batch[0].Source != e.Source))
            {
                yield return batch;
                batch = null;
            }
            (batch ??= []).Add(e);
        }
        if (batch is not null)
            yield return batch;
    }

    private static async Task PlaceOrdersAsync(ModuleContainer host, BenchSetup setup, List<(Shopper Member, int Orders)> members, CancellationToken ct)
    {
        var handler = host.Get<PlaceOrderHandler>();
        var requests = members.SelectMany(m => Enumerable.Range(0, m.Orders).Select(i => (m.Member.MemberId!, Sku: setup.Skus[(m.Member.Number + i) % setup.Skus.Count]))).ToList();
        var placed = await LoadRun.RunAsync(requests.Count, 8, i => handler.HandleAsync(setup.WebShop,
            new PlaceOrderRequest("web", "ship_to_home", null, requests[i].Item1, new DestinationRequest(51.5074, -0.1278, null), "GBP", true, [new OrderLineRequest(requests[i].Sku, 1)]),
            $"accuracy-{i}", ct));
        if (placed.Failures.Count > 0)
            throw new InvalidOperationException($"placing orders failed: {string.Join(", ", placed.Failures.Keys)}");
    }

    private static async Task<Dictionary<(string Type, string Value), string?>> ReadBackAsync(ModuleContainer host, Caller admin, List<Shopper> shoppers, CancellationToken ct)
    {
        var queries = host.Get<ProfileQueries>();
        var records = shoppers.SelectMany(s => s.Records).Distinct().ToList();
        var found = new string?[records.Count];
        await LoadRun.RunAsync(records.Count, 8, async i =>
        {
            var profile = await queries.FindAsync(admin, records[i].Type, records[i].Value, ct);
            found[i] = profile.IsSuccess ? profile.Value.ProfileId : null;
            return Result<Unit>.Success(Unit.Value);
        });
        return records.Select((r, i) => (r, found[i])).ToDictionary(x => x.r, x => x.Item2);
    }
}
