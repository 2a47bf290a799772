using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>Shops as pickup points (the platform's /network and the shop's counter on /shop) and assortment and display advice, on the same host and browser as the rest.</summary>
public abstract partial class ConsoleBrowserTests<THost>
{
    /// <summary>A shop signed up on Camden Goods through the API: its agreement id, tenant id and an API client with its admin key.</summary>
    private async Task<(string Agreement, string ShopTenant, HttpClient Api)> SignUpShopAsync(string name, bool sharesCustomers = false)
    {
        var rep = (await Host.PostJsonAsync("/api/network/reps", new { name = $"Rep of {name}" })).GetProperty("id").GetString()!;
        var signed = await Host.PostJsonAsync("/api/network/shops", new { name, repId = rep, warehouseId = Host.Warehouse, sharesCustomers });
        var agreement = signed.GetProperty("agreement");
        var api = new HttpClient { BaseAddress = Host.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signed.GetProperty("adminKey").GetString());
        return (agreement.GetProperty("id").GetString()!, agreement.GetProperty("shopId").GetString()!, api);
    }

    [Fact]
    public async Task APlatformMakesAShopAPickupPointAndTheShopHandsTheParcelOverOnTheCustomersCode()
    {
        Host.SkipIfUnavailable();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Parcel Corner {tag}";
        var (agreement, shopTenant, shopApi) = await SignUpShopAsync(name);
        using var _ = shopApi;
        var sku = $"PARCEL-{tag}".ToUpperInvariant();
        await Host.AddSkuWithStockAsync(sku, Host.Warehouse, 10);

        // The platform makes the shop a pickup point on /network: a bad capacity is refused at its field first.
        var platform = await SignInAsync(Host.Admin);
        await OpenAsync(platform, "/network");
        await platform.GetByRole(AriaRole.Button, new() { Name = $"Pick {name}" }).ClickAsync();
        await platform.GetByLabel("Counter address").FillAsync("12 Parkway, Camden");
        await platform.GetByLabel("Latitude").FillAsync("51.539");
        await platform.GetByLabel("Longitude").FillAsync("-0.143");
        await platform.GetByLabel("Time zone (empty: UTC)").FillAsync("Europe/London");
        await platform.GetByLabel("Parcels a day").FillAsync("0");
        await platform.GetByLabel("Fee a parcel handed over").FillAsync("0.40");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Save pickup point" }).ClickAsync();
        await Assertions.Expect(FieldError(platform, "network.bad_parcel_capacity")).ToBeVisibleAsync();
        await platform.GetByLabel("Parcels a day").FillAsync("5");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Save pickup point" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("point-done")).ToContainTextAsync($"{name} is a pickup point");
        var point = platform.GetByTestId($"point-{agreement}");
        await Assertions.Expect(point).ToContainTextAsync("0.40 GBP");
        await Assertions.Expect(point).ToContainTextAsync("12 Parkway, Camden");
        await Assertions.Expect(platform.GetByTestId($"shop-{agreement}")).ToContainTextAsync("yes");

        // An online order to the point, through the API as the web shop places it.
        var location = (await Host.GetAsync("/api/network/pickup-points")).EnumerateArray()
            .Single(p => p.GetProperty("agreementId").GetString() == agreement).GetProperty("locationId").GetString()!;
        var order = await Host.PostJsonAsync("/api/orders", new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = location, currency = "GBP", paymentCaptured = true, lines = new[] { new { sku, quantity = 1 } },
        });
        var (orderId, code) = (order.GetProperty("id").GetString()!, order.GetProperty("handoverCode").GetString()!);
        var label = orderId[^8..].ToUpperInvariant();

        // The shop's counter: the parcel is expected, arrives, a wrong code is refused at the code's field, the right one hands it over.
        var login = new ConsoleLogin($"counter-{tag}@corner.test", ConsoleHost.Password);
        await Host.CreateUserAsync(shopTenant, login, "admin");
        var shop = await SignInToAsync(shopTenant, login);
        await OpenAsync(shop, "/shop");
        await Assertions.Expect(shop.GetByTestId($"parcel-status-{label}")).ToHaveTextAsync("expected");
        await shop.GetByRole(AriaRole.Button, new() { Name = $"Mark arrived {label}" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId($"parcel-status-{label}")).ToHaveTextAsync("arrived");
        Assert.Equal("ready_for_pickup", (await Host.GetAsync($"/api/orders/{orderId}")).GetProperty("status").GetString());
        await shop.GetByLabel($"Customer's code for {label}").FillAsync(code == "00000000" ? "11111111" : "00000000");
        await shop.GetByRole(AriaRole.Button, new() { Name = $"Hand over {label}" }).ClickAsync();
        await Assertions.Expect(FieldError(shop, "network.wrong_handover_code")).ToBeVisibleAsync();
        await Assertions.Expect(shop.GetByTestId($"parcel-status-{label}")).ToHaveTextAsync("arrived");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(shop, "/shop counter at desktop width");
        await shop.GetByLabel($"Customer's code for {label}").FillAsync(code);
        await shop.GetByRole(AriaRole.Button, new() { Name = $"Hand over {label}" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("parcel-done")).ToContainTextAsync($"{label} handed over: 0.40 GBP earned");
        await Assertions.Expect(shop.GetByTestId($"parcel-status-{label}")).ToHaveTextAsync("handed over");
        Assert.Equal("completed", (await Host.GetAsync($"/api/orders/{orderId}")).GetProperty("status").GetString());
        await shop.GetByRole(AriaRole.Button, new() { Name = "Show pickup fees" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("shop-pickup-fees")).ToContainTextAsync("Camden Goods");
        await Assertions.Expect(shop.GetByTestId("shop-pickup-fees")).ToContainTextAsync("0.40 GBP");
        await shop.SetViewportSizeAsync(390, 844);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(shop, "/shop counter at phone width");
        await ScreenshotAsync(shop, "phone-shop-parcels");
        await shop.Context.CloseAsync();

        // The platform's fee report counts it for the shop; stopping the point takes it off the list.
        await platform.GetByRole(AriaRole.Button, new() { Name = "Show pickup fees" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId($"fees-{shopTenant}")).ToContainTextAsync("0.40 GBP");
        await ScreenshotAsync(platform, "network-pickup");
        await platform.GetByRole(AriaRole.Button, new() { Name = $"Stop {name} as a pickup point" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("point-done")).ToContainTextAsync("no longer a pickup point");
        await Assertions.Expect(point).ToHaveCountAsync(0);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(platform, "/network pickup points at desktop width");
        await platform.Context.CloseAsync();
    }

    [Fact]
    public async Task AShopReadsItsAdviceFromItsSalesAndThePlatformReadsItWithPeersAndSharedCustomers()
    {
        Host.SkipIfUnavailable();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var names = new[] { $"Advice Corner {tag}", $"Advice Market {tag}" };
        var shops = new List<(string Agreement, string ShopTenant, HttpClient Api)>();
        for (var i = 0; i < names.Length; i++)
        {
            var shop = await SignUpShopAsync(names[i], sharesCustomers: i == 1);
            shops.Add(shop);
            var store = (await SendAsync(shop.Api, HttpMethod.Post, "/api/locations", new
            {
                code = $"AD{i}", name = names[i], kind = "store", latitude = 51.54 + i / 100.0, longitude = -0.14, timeZone = "Europe/London",
            })).GetProperty("id").GetString()!;
            // Four weeks of sales: tea sells best, noodles next; the second shop sells rice too.
            var days = Enumerable.Range(1, 28).SelectMany(d => new[] { ("TEA-1", 6), ("NOODLE-1", 3) }.Concat(i == 1 ? new[] { ("RICE-1", 2) } : [])
                .Select(s => new { date = today.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sku = s.Item1, units = s.Item2 })).ToArray();
            await SendAsync(shop.Api, HttpMethod.Post, "/api/shop/sales", new { locationId = store, days });
        }

        try
        {
            var login = new ConsoleLogin($"advice-{tag}@corner.test", ConsoleHost.Password);
            await Host.CreateUserAsync(shops[0].ShopTenant, login, "admin");
            var page = await SignInToAsync(shops[0].ShopTenant, login);
            await OpenAsync(page, "/shop");
            var eye = page.GetByTestId("advice-eye");
            await Assertions.Expect(eye.GetByTestId("eye-TEA-1")).ToContainTextAsync("sold in 4 weeks");
            await Assertions.Expect(eye.GetByTestId("eye-TEA-1")).ToContainTextAsync("rank 1");
            await Assertions.Expect(eye.GetByTestId("eye-NOODLE-1")).ToContainTextAsync("rank 2");
            await Assertions.Expect(page.GetByTestId("advice-basis")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("advice-pairs").Or(page.GetByTestId("advice-pairs-none"))).ToBeVisibleAsync();
            // No pickup point: no counter.
            await Assertions.Expect(page.GetByTestId("parcels-panel")).ToHaveCountAsync(0);
            await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "/shop advice at desktop width");
            await page.SetViewportSizeAsync(390, 844);
            await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "/shop advice at phone width");
            await ScreenshotAsync(page, "phone-shop-advice");
            await page.Context.CloseAsync();

            // The platform refreshes the profiles and reads the second shop's advice, the first shop among its peers.
            var platform = await SignInAsync(Host.Admin);
            await OpenAsync(platform, "/network");
            await platform.GetByRole(AriaRole.Button, new() { Name = $"Pick {names[1]}" }).ClickAsync();
            await platform.GetByRole(AriaRole.Button, new() { Name = "Refresh shop profiles" }).ClickAsync();
            await Assertions.Expect(platform.GetByTestId("advice-refreshed")).ToContainTextAsync("Profiles refreshed");
            await platform.GetByRole(AriaRole.Button, new() { Name = "Show advice" }).ClickAsync();
            await Assertions.Expect(platform.GetByTestId("eye-RICE-1")).ToContainTextAsync("sold in 4 weeks");
            await Assertions.Expect(platform.GetByTestId("advice-peers")).ToContainTextAsync(shops[0].Agreement);

            // Shared customers: the second shop shares them (nobody consented here yet); the first does not, which is said at the shop.
            await platform.GetByRole(AriaRole.Button, new() { Name = "Show shared customers" }).ClickAsync();
            await Assertions.Expect(platform.GetByTestId("shared-customers")).ToBeVisibleAsync();
            await platform.GetByRole(AriaRole.Button, new() { Name = $"Pick {names[0]}" }).ClickAsync();
            await platform.GetByRole(AriaRole.Button, new() { Name = "Show shared customers" }).ClickAsync();
            await Assertions.Expect(FieldError(platform, "network.customers_not_shared")).ToBeVisibleAsync();
            await AccessibilityCheck.AssertNoSeriousViolationsAsync(platform, "/network advice at desktop width");
            await platform.SetViewportSizeAsync(390, 844);
            await AccessibilityCheck.AssertNoSeriousViolationsAsync(platform, "/network advice at phone width");
            await platform.Context.CloseAsync();

            // A marketer reads the points and the advice but neither sets a point nor refreshes the profiles.
            var marketer = await SignInAsync(Host.Marketer);
            await OpenAsync(marketer, "/network");
            await Assertions.Expect(marketer.GetByRole(AriaRole.Heading, new() { Name = "Pickup points" })).ToBeVisibleAsync();
            await Assertions.Expect(marketer.GetByRole(AriaRole.Button, new() { Name = "Show advice" })).ToBeVisibleAsync();
            await Assertions.Expect(marketer.GetByRole(AriaRole.Button, new() { Name = "Save pickup point" })).ToHaveCountAsync(0);
            await Assertions.Expect(marketer.GetByRole(AriaRole.Button, new() { Name = "Refresh shop profiles" })).ToHaveCountAsync(0);
            await Assertions.Expect(marketer.GetByRole(AriaRole.Button, new() { Name = "Show pickup fees" })).ToHaveCountAsync(0);
            await marketer.Context.CloseAsync();
        }
        finally
        {
            foreach (var shop in shops)
                shop.Api.Dispose();
        }
    }
}
