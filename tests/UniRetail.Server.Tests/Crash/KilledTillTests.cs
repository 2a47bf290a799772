using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Crash;

/// <summary>
/// The server process is killed (SIGKILL) while four tills at two stores are checking out — member-code sales that redeem
/// and earn points, guest sales and offline sales posted with their own sale id — then started again on the same database:
/// every sale it answered has its receipt and its order, a retry of every unanswered sale (the same body, so the same sale
/// id and member code) yields exactly one sale, the stock each store moved is the units its receipts sold, each till
/// session's X report adds up its receipts, and each member's points moved once per sale.
/// </summary>
public abstract class KilledTillTests(DatabaseProvider provider)
{
    private const string MugGtin = "5012345000015", PotGtin = "5012345000022";
    private const int TillsPerStore = 2, Members = 4, Stock = 10_000, OpeningPoints = 100_000, PointsPerSale = 100;
    private const int AcknowledgementsBeforeKill = 60;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Till(string StoreId, string TillId, string SessionId, string Token);

    private sealed record Sale(Till Till, string SaleId, string? MemberId, object Body, int Mugs, int Pots);

    [Fact]
    public async Task SalesAnsweredBeforeAKillSurviveAndRetriedSalesNeverDuplicate()
    {
        var database = TestDatabases.New(provider);
        string admin;
        var tills = new List<Till>();
        var members = new List<string>();
        await using (var setUp = new UniRetailFactory(database))
        {
            var retailer = await Retailer.CreateAsync(setUp);
            admin = retailer.AdminToken;
            await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await ProductAsync(retailer, "MUG-BLUE", MugGtin, 12.50m);
            await ProductAsync(retailer, "POT-WHITE", PotGtin, 30.00m);
            await (await retailer.Admin.PostAsJsonAsync("/api/promotions",
                new { code = "MUGS20", name = "20% off mugs", rule = new { kind = "percent_off", skus = new[] { "MUG-BLUE" }, percent = 20 } }, Ct))
                .ShouldHaveStatusAsync(HttpStatusCode.Created);
            foreach (var place in new[] { London.CoventGarden, London.Camden })
            {
                var store = await retailer.AddStoreAsync(place);
                await retailer.ReceiveAsync(store, "MUG-BLUE", Stock);
                await retailer.ReceiveAsync(store, "POT-WHITE", Stock);
                var key = (await retailer.CreateKeyAsync("store_staff", store)).Token;
                using var staff = retailer.ClientWithKey(key);
                for (var t = 1; t <= TillsPerStore; t++)
                {
                    var session = await (await staff.PostAsJsonAsync($"/api/pos/{store.Id}/tills/T{t}/sessions", new { @float = new { amount = 100.00m } }, Ct))
                        .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
                    tills.Add(new Till(store.Id, $"T{t}", session.GetProperty("id").GetString()!, key));
                }
            }
            for (var m = 0; m < Members; m++)
            {
                var member = await retailer.AddMemberAsync($"Shopper {m}", $"shopper{m}.{Guid.NewGuid():N}@example.com");
                await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{member.Id}/adjustments", new { points = OpeningPoints, reason = "opening balance" }, Ct))
                    .ShouldHaveStatusAsync(HttpStatusCode.OK);
                members.Add(member.Id);
            }
        }

        var answered = new ConcurrentDictionary<string, (Sale Sale, JsonElement Receipt)>();
        var unanswered = new ConcurrentBag<Sale>();
        await using (var server = await ServerProcess.StartAsync(database, Ct))
        {
            using var office = Client(server, admin);
            using var killed = new CancellationTokenSource();
            var running = tills.Select((till, t) => Task.Run(async () =>
            {
                using var client = Client(server, till.Token);
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    Sale sale;
                    try
                    {
                        sale = await NextSaleAsync(office, till, t, n, members[t % Members]);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException)
                    {
                        return; // The member code was never shown: nothing was sold.
                    }
                    try
                    {
                        var response = await client.PostAsJsonAsync($"/api/pos/{till.StoreId}/checkout", sale.Body, CancellationToken.None);
                        var receipt = await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
                        answered[sale.SaleId] = (sale, receipt);
                        if (answered.Count >= AcknowledgementsBeforeKill)
                            await killed.CancelAsync();
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException)
                    {
                        // No answer, or one cut off by the kill: the till cannot tell, so it posts the sale again.
                        unanswered.Add(sale);
                        return;
                    }
                }
            }, Ct)).ToList();
            while (answered.Count < AcknowledgementsBeforeKill && running.Any(t => !t.IsCompleted))
                await Task.Delay(5, Ct);
            server.Kill();
            await Task.WhenAll(running);
        }
        Assert.Contains(answered.Values, a => a.Sale.MemberId is not null);

        await using var restarted = await ServerProcess.StartAsync(database, Ct);
        using var after = Client(restarted, admin);
        foreach (var (saleId, (sale, receipt)) in answered)
        {
            using var till = Client(restarted, sale.Till.Token);
            var kept = await (await till.GetAsync($"/api/pos/{sale.Till.StoreId}/receipts/{saleId}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
            Assert.Equal(receipt.GetRawText(), kept.GetRawText());
            await (await after.GetAsync($"/api/orders/{receipt.GetProperty("orderId").GetString()}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var sold = answered.Values.ToList();
        foreach (var sale in unanswered)
        {
            using var till = Client(restarted, sale.Till.Token);
            var retried = await till.PostAsJsonAsync($"/api/pos/{sale.Till.StoreId}/checkout", sale.Body, Ct);
            Assert.Contains(retried.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
            var receipt = await retried.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var again = await till.PostAsJsonAsync($"/api/pos/{sale.Till.StoreId}/checkout", sale.Body, Ct);
            Assert.Equal(receipt.GetRawText(), (await again.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetRawText());
            sold.Add((sale, receipt));
        }

        var orders = await after.GetFromJsonAsync<Page<OrderSummary>>("/api/orders?limit=500", Ct);
        Assert.Equal(sold.Count, orders!.Items.Count);
        Assert.Equal(sold.Select(s => s.Receipt.GetProperty("orderId").GetString()).Order(), orders.Items.Select(o => o.Id).Order());
        foreach (var store in tills.Select(t => t.StoreId).Distinct())
        {
            var here = sold.Where(s => s.Sale.Till.StoreId == store).ToList();
            Assert.Equal(Stock - here.Sum(s => s.Sale.Mugs), await OnHandAsync(after, "MUG-BLUE", store));
            Assert.Equal(Stock - here.Sum(s => s.Sale.Pots), await OnHandAsync(after, "POT-WHITE", store));
        }
        foreach (var till in tills)
        {
            using var staff = Client(restarted, till.Token);
            var x = (await (await staff.GetAsync($"/api/pos/{till.StoreId}/till-sessions/{till.SessionId}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK))
                .GetProperty("report");
            var receipts = sold.Where(s => s.Sale.Till == till).Select(s => s.Receipt).ToList();
            Assert.Equal(receipts.Count, x.GetProperty("sales").GetInt32());
            Assert.Equal(receipts.Sum(r => Amount(r, "listTotal")), Amount(x, "grossSales"));
            Assert.Equal(receipts.Sum(r => Amount(r, "discount")), Amount(x, "discounts"));
            Assert.Equal(receipts.Sum(r => Amount(r, "total")), Amount(x, "netSales"));
            Assert.Equal(receipts.Sum(r => r.GetProperty("pointsRedeemed").GetInt64()), x.GetProperty("pointsRedeemed").GetInt64());
            Assert.Equal(receipts.Sum(r => r.GetProperty("pointsEarned").GetInt64()), x.GetProperty("pointsEarned").GetInt64());
            Assert.Equal(100.00m + receipts.Sum(r => Amount(r, "total") - Amount(r, "pointsValue")), Amount(x, "expectedCash"));
        }
        foreach (var member in members)
        {
            var theirs = sold.Where(s => s.Sale.MemberId == member).Select(s => s.Receipt).ToList();
            var account = await (await after.GetAsync($"/api/loyalty/members/{member}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
            Assert.Equal(
                OpeningPoints + theirs.Sum(r => r.GetProperty("pointsEarned").GetInt64() + r.GetProperty("visitPoints").GetInt64() - r.GetProperty("pointsRedeemed").GetInt64()),
                account.GetProperty("pointsAvailable").GetInt64());
        }
        Assert.True((await after.GetFromJsonAsync<LedgerCheck>("/api/inventory/ledger/check", Ct))!.Consistent);
        Assert.True((await after.GetFromJsonAsync<JsonElement>("/api/loyalty/check", Ct)).GetProperty("consistent").GetBoolean());
    }

    /// <summary>
    /// Sale n at till t: every third a member-code sale (the code asked for just before, as the app shows it) redeeming
    /// points, every third an offline sale from earlier with its own sale id, the rest guest sales; all paid in cash.
    /// </summary>
    private static async Task<Sale> NextSaleAsync(HttpClient office, Till till, int t, int n, string member)
    {
        var (mugs, pots) = (1 + n % 3, n % 2);
        var lines = new[] { new { gtin = MugGtin, quantity = mugs }, new { gtin = PotGtin, quantity = pots } }.Where(l => l.quantity > 0).ToArray();
        var cash = new[] { new { type = "cash", amount = new { amount = 200.00m } } };
        switch (n % 3)
        {
            case 0:
                var code = await (await office.PostAsJsonAsync($"/api/members/{member}/member-code", new { wallet = false }, CancellationToken.None))
                    .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
                var saleId = $"S-{t}-{n}";
                return new Sale(till, saleId, member,
                    new { sessionId = till.SessionId, saleId, memberCode = code.GetProperty("code").GetString(), points = PointsPerSale, lines, payments = cash }, mugs, pots);
            case 1:
                var offline = $"OFF-{t}-{n}";
                return new Sale(till, offline, null,
                    new { sessionId = till.SessionId, saleId = offline, offline = true, soldAt = DateTimeOffset.UtcNow.AddMinutes(-30), lines, payments = cash }, mugs, pots);
            default:
                var guest = $"S-{t}-{n}";
                return new Sale(till, guest, null, new { sessionId = till.SessionId, saleId = guest, lines, payments = cash }, mugs, pots);
        }
    }

    private static async Task ProductAsync(Retailer retailer, string sku, string gtin, decimal price) =>
        await (await retailer.Admin.PostAsJsonAsync("/api/catalog/products", new
        {
            code = $"P-{sku}", name = sku, category = "Home/Kitchen", skus = new[] { new { sku, gtin, name = sku, price = new { amount = price, currency = "GBP" } } },
        }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

    private static async Task<long> OnHandAsync(HttpClient client, string sku, string store) =>
        Assert.Single((await client.GetFromJsonAsync<Page<StockLevel>>($"/api/inventory/levels?sku={sku}&locationId={store}", Ct))!.Items).OnHand;

    private static decimal Amount(JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();

    private static HttpClient Client(ServerProcess server, string token)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class KilledTillSqliteTests() : KilledTillTests(DatabaseProvider.Sqlite);

public sealed class KilledTillPostgresTests() : KilledTillTests(DatabaseProvider.Postgres);
