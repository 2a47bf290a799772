using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using UniRetail.Data;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Crash;

/// <summary>
/// The server process is killed (SIGKILL) while shoppers are placing orders, then started again on the same database:
/// every order it acknowledged is there, a retry of every unanswered request (same Idempotency-Key) yields exactly one
/// order, and stock held equals the orders that exist.
/// </summary>
public abstract class KilledServerTests(DatabaseProvider provider)
{
    private const int Shoppers = 8;
    private const int AcknowledgementsBeforeKill = 120;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrdersAcknowledgedBeforeAKillSurviveAndRetriesNeverDuplicate()
    {
        var database = TestDatabases.New(provider);
        string token, sku;
        Location warehouse;
        await using (var setUp = new UniRetailFactory(database))
        {
            var retailer = await Retailer.CreateAsync(setUp);
            warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
            sku = await retailer.AddProductAsync("85123A", 2.55m);
            await retailer.ReceiveAsync(warehouse, sku, 10_000);
            token = retailer.AdminToken;
        }
        var order = AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1).ToJson();

        var acknowledged = new ConcurrentDictionary<string, string>();
        var unanswered = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(database, Ct))
        {
            using var client = Client(server, token);
            using var killed = new CancellationTokenSource();
            var shoppers = Enumerable.Range(0, Shoppers).Select(shopper => Task.Run(async () =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var key = $"checkout-{shopper}-{n}";
                    try
                    {
                        var response = await PostAsync(client, order, key, CancellationToken.None);
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                        acknowledged[key] = (await response.Content.ReadFromJsonAsync<Order>(Ct))!.Id;
                        if (acknowledged.Count >= AcknowledgementsBeforeKill)
                            await killed.CancelAsync();
                    }
                    catch (HttpRequestException)
                    {
                        unanswered.Add(key);
                        return;
                    }
                }
            }, Ct)).ToList();
            while (acknowledged.Count < AcknowledgementsBeforeKill)
                await Task.Delay(5, Ct);
            server.Kill();
            await Task.WhenAll(shoppers);
        }

        await using var restarted = await ServerProcess.StartAsync(database, Ct);
        using var after = Client(restarted, token);
        foreach (var (_, id) in acknowledged)
            Assert.Equal(HttpStatusCode.OK, (await after.GetAsync(new Uri($"/api/orders/{id}", UriKind.Relative), Ct)).StatusCode);
        foreach (var key in unanswered)
            Assert.Contains((await PostAsync(after, order, key, Ct)).StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });

        var orders = await after.GetFromJsonAsync<Page<OrderSummary>>(new Uri("/api/orders?limit=500", UriKind.Relative), Ct);
        Assert.Equal(acknowledged.Count + unanswered.Count, orders!.Items.Count);
        var level = Assert.Single((await after.GetFromJsonAsync<Page<StockLevel>>(new Uri($"/api/inventory/levels?sku={sku}", UriKind.Relative), Ct))!.Items);
        Assert.Equal(orders.Items.Count, level.Reserved);
        Assert.True((await after.GetFromJsonAsync<LedgerCheck>(new Uri("/api/inventory/ledger/check", UriKind.Relative), Ct))!.Consistent);
    }

    private static HttpClient Client(ServerProcess server, string token)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object order, string key, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/orders", UriKind.Relative)) { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, ct);
    }
}

public sealed class KilledServerSqliteTests() : KilledServerTests(DatabaseProvider.Sqlite);

public sealed class KilledServerPostgresTests() : KilledServerTests(DatabaseProvider.Postgres);
