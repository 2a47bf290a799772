using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The network (platform and shop), scan-to-bag and coupon-campaign pages, on the same host and browser as the rest.</summary>
public abstract partial class ConsoleBrowserTests<THost>
{
    /// <summary>
    /// Signs in on a new context and returns once the browser has moved off the sign-in page, asked of the page's address
    /// alone: the tests wait for the page's own <c>page-loaded</c> marker. (Not <c>WaitForURLAsync</c>: when the address
    /// already matches, it waits for the page's load event whatever <c>WaitUntil</c> says, and under a busy box that wait
    /// has twice timed out although the page was there.) <paramref name="watch"/> sees the page before its first request.
    /// </summary>
    private async Task<IPage> SignInToAsync(string tenant, ConsoleLogin login, int width = 1280, int height = 900, Action<IPage>? watch = null)
    {
        Host.SkipIfUnavailable();
        var context = Patient(await Host.Browser.NewContextAsync(new() { BaseURL = Host.Address.ToString(), ViewportSize = new() { Width = width, Height = height } }));
        var page = await context.NewPageAsync();
        watch?.Invoke(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Tenant (id or name)").FillAsync(tenant);
        await page.GetByLabel("E-mail").FillAsync(login.Email);
        await page.GetByLabel("Password").FillAsync(login.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPath);
        return page;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task APlatformSignsAShopUpAndTheShopOrdersItsSuggestionOnceReceivesItAndSeesTheStock()
    {
        Host.SkipIfUnavailable();
        // Camden Goods as a platform: a wholesale SKU with stock at its warehouse.
        const string wholesaleSku = "NOODLE-W6";
        await Host.AddSkuWithStockAsync(wholesaleSku, Host.Warehouse, 600);

        var platform = await SignInAsync(Host.Admin);
        await OpenAsync(platform, "/network");
        await platform.GetByLabel("Representative name").FillAsync("Zhang Wei");
        await platform.GetByLabel("Commission rate (0.02 is 2%)").FillAsync("0.9");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Add representative" }).ClickAsync();
        await Assertions.Expect(FieldError(platform, "network.bad_commission")).ToBeVisibleAsync();
        await platform.GetByLabel("Commission rate (0.02 is 2%)").FillAsync("0.02");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Add representative" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("reps")).ToContainTextAsync("Zhang Wei");

        await platform.GetByLabel("Wholesale SKU").FillAsync(wholesaleSku);
        await platform.GetByLabel("Case pack (units a case)").FillAsync("6");
        await platform.GetByLabel("Unit price", new() { Exact = true }).FillAsync("1.00");
        await platform.GetByLabel("Minimum order (cases)").FillAsync("1");
        await platform.GetByLabel("Tier prices (from cases and case price, one a line)").FillAsync("20 7.00\n10 5.50");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Save wholesale item" }).ClickAsync();
        await Assertions.Expect(FieldError(platform, "network.bad_tiers")).ToBeVisibleAsync();
        await platform.GetByLabel("Tier prices (from cases and case price, one a line)").FillAsync("20 5.50");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Save wholesale item" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId($"wholesale-{wholesaleSku}")).ToContainTextAsync("6.00 GBP");

        await platform.GetByLabel("Shop name").FillAsync("Lu's Corner Shop");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Sign the shop up" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("shop-signed-up")).ToContainTextAsync("shown this once");
        var shopTenant = await platform.GetByTestId("new-shop-id").InnerTextAsync();
        var shopKey = await platform.GetByTestId("new-shop-key").InnerTextAsync();
        await Assertions.Expect(platform.GetByTestId("shops")).ToContainTextAsync("Lu's Corner Shop");
        await Assertions.Expect(platform.GetByTestId("shops")).Not.ToContainTextAsync(shopKey);
        await ScreenshotAsync(platform, "network");

        // The shop, with the key it was given: a store, reorder settings and four weeks of sales; then a console user.
        using var shopApi = new HttpClient { BaseAddress = Host.Address };
        shopApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", shopKey);
        var store = (await SendAsync(shopApi, HttpMethod.Post, "/api/locations", new { code = "LU01", name = "Lu's on Camden Road", kind = "store", latitude = 51.541, longitude = -0.139, timeZone = "Europe/London" }))
            .GetProperty("id").GetString()!;
        await SendAsync(shopApi, HttpMethod.Put, "/api/shop/skus/NOODLE-1", new { locationId = store, casePack = 6, minimumUnits = 6, leadTimeDays = 2, cycleDays = 7, serviceLevel = 0.95m });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SendAsync(shopApi, HttpMethod.Post, "/api/shop/sales", new
        {
            locationId = store,
            days = Enumerable.Range(1, 28).Select(d => new { date = today.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sku = "NOODLE-1", units = 4 }).ToArray(),
        });
        var shopAdmin = new ConsoleLogin("lu@corner.test", ConsoleHost.Password);
        await Host.CreateUserAsync(shopTenant, shopAdmin, "admin");

        var shop = await SignInToAsync(shopTenant, shopAdmin);
        await OpenAsync(shop, "/shop");
        await Assertions.Expect(shop.GetByTestId("platform")).ToHaveTextAsync("Camden Goods");
        // What the shop buys becomes what it sells: a case of NOODLE-W6 is six NOODLE-1.
        await shop.GetByLabel("This shop's SKU").FillAsync("NOODLE-1");
        await shop.GetByLabel("Units a case (empty: the case pack)").FillAsync("0");
        await shop.GetByRole(AriaRole.Button, new() { Name = "Save mapping" }).ClickAsync();
        await Assertions.Expect(FieldError(shop, "network.bad_units_per_case")).ToBeVisibleAsync();
        await shop.GetByLabel("Units a case (empty: the case pack)").FillAsync("6");
        await shop.GetByRole(AriaRole.Button, new() { Name = "Save mapping" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId($"catalog-{wholesaleSku}")).ToContainTextAsync("NOODLE-1");

        await shop.GetByRole(AriaRole.Button, new() { Name = "Refresh the suggestion" }).ClickAsync();
        var advice = shop.GetByTestId("advice-NOODLE-1");
        await Assertions.Expect(advice).ToContainTextAsync("forecast");
        await Assertions.Expect(advice).ToContainTextAsync("on hand 0");
        var suggested = int.Parse(await shop.GetByTestId("suggested-NOODLE-1").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(suggested > 0 && suggested % 6 == 0, $"suggested {suggested} units, whole cases of 6");
        await ScreenshotAsync(shop, "shop");
        // A double click orders once: the form's Idempotency-Key makes the second click a replay.
        await shop.GetByRole(AriaRole.Button, new() { Name = "Order the suggestion" }).ClickAsync(new() { ClickCount = 2 });
        await Assertions.Expect(shop.GetByTestId("ordered")).ToContainTextAsync("Ordered sho_");
        var orders = (await SendAsync(shopApi, HttpMethod.Get, "/api/shop-orders")).GetProperty("items");
        Assert.Equal(1, orders.GetArrayLength());
        var orderId = orders[0].GetProperty("id").GetString()!;
        await Assertions.Expect(shop.GetByTestId($"shop-order-{orderId}")).ToContainTextAsync("placed");
        // The open order counts as on order now.
        await Assertions.Expect(advice).ToContainTextAsync($"on order {suggested}");

        // Receive the delivery: six damaged, six short, the rest into the shop's stock.
        await shop.GetByRole(AriaRole.Button, new() { Name = $"Open {orderId}" }).ClickAsync();
        await shop.GetByLabel("Received units, line 1").FillAsync((suggested + 1).ToString(CultureInfo.InvariantCulture));
        await shop.GetByRole(AriaRole.Button, new() { Name = "Receive the delivery" }).ClickAsync();
        await Assertions.Expect(FieldError(shop, "network.more_than_delivered")).ToBeVisibleAsync();
        await shop.GetByLabel("Received units, line 1").FillAsync((suggested - 12).ToString(CultureInfo.InvariantCulture));
        await shop.GetByLabel("Damaged units, line 1").FillAsync("6");
        await shop.GetByLabel("Damaged units, line 1").PressAsync("Tab");
        await Assertions.Expect(shop.GetByTestId("short-1")).ToHaveTextAsync("6");
        await shop.GetByRole(AriaRole.Button, new() { Name = "Receive the delivery" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("received")).ToContainTextAsync("6 damaged, 6 short");
        await Assertions.Expect(shop.GetByTestId("order-status")).ToHaveTextAsync("received");
        await Assertions.Expect(shop.GetByTestId($"shop-order-{orderId}")).ToContainTextAsync("received");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(shop, "/shop at desktop width");
        await ScreenshotAsync(shop, "shop-received");
        await OpenAsync(shop, "/stock?sku=NOODLE-1");
        await Assertions.Expect(shop.GetByTestId("level-NOODLE-1-LU01")).ToContainTextAsync((suggested - 12).ToString(CultureInfo.InvariantCulture));

        // The platform's commission report counts the order for the representative who signed the shop.
        await platform.GetByRole(AriaRole.Button, new() { Name = "Show commission" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("commission")).ToContainTextAsync("Zhang Wei");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Show shared sales" }).ClickAsync();
        await Assertions.Expect(platform.GetByTestId("shared-sales")).ToBeVisibleAsync();
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(platform, "/network at desktop width");
        await platform.SetViewportSizeAsync(390, 844);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(platform, "/network at phone width");
        await ScreenshotAsync(platform, "phone-network");
        await platform.Context.CloseAsync();

        // Leaving asks first, then ends the agreement: the shop keeps its orders.
        await OpenAsync(shop, "/shop");
        await shop.SetViewportSizeAsync(390, 844);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(shop, "/shop at phone width");
        await shop.GetByRole(AriaRole.Button, new() { Name = "Leave the platform…" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("leave-confirm")).ToContainTextAsync("Camden Goods");
        await shop.GetByRole(AriaRole.Button, new() { Name = "Leave for good" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("left")).ToContainTextAsync("left Camden Goods");
        await Assertions.Expect(shop.GetByTestId($"shop-order-{orderId}")).ToBeVisibleAsync();
        await shop.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffStartABagByMemberCodeScanIntoItAndTakeItThroughTheTill()
    {
        Host.SkipIfUnavailable();
        const string gtin = "5012345000022";
        await Host.AddSkuWithStockAsync("BAG-CUP", Host.StoreA, 10, gtin);
        var member = (await Host.PostJsonAsync("/api/members", new { displayName = "Bea Bag", identifiers = new[] { new { kind = "email", value = "bea.bag@example.com" } } }))
            .GetProperty("id").GetString()!;
        await Host.PostJsonAsync($"/api/pos/{Host.StoreA}/tills/BAG-1/sessions", new { @float = new { amount = 50.00m } });
        var code = (await Host.PostJsonAsync($"/api/members/{member}/member-code", new { })).GetProperty("code").GetString()!;

        var page = await SignInAsync(Host.StaffA);
        await OpenAsync(page, "/bags");
        await Assertions.Expect(page.GetByTestId("bags-store")).ToHaveTextAsync("CG01");
        await page.GetByLabel("Shopper's member code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a bag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bag-status")).ToHaveTextAsync("open");
        var bagId = await page.GetByTestId("bag-id").InnerTextAsync();

        await page.GetByLabel("Scan a product (GTIN)").FillAsync("5012345000023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "catalog.gtin_bad_check_digit")).ToBeVisibleAsync();
        await page.GetByLabel("Scan a product (GTIN)").FillAsync(gtin);
        await page.GetByLabel("Units").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bag-line-BAG-CUP")).ToContainTextAsync("10.00 GBP");
        await Assertions.Expect(page.GetByTestId("bag-total")).ToHaveTextAsync("10.00 GBP");
        await Assertions.Expect(page.GetByTestId($"open-bag-{bagId}")).ToContainTextAsync("1 · 2");
        await Assertions.Expect(page.GetByTestId("no-complements").Or(page.GetByTestId("complements"))).ToBeVisibleAsync();
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "/bags at desktop width");
        await ScreenshotAsync(page, "bags");

        // The same bag found by its id (as another associate or the till would), then sold at till BAG-1.
        await OpenAsync(page, $"/bags?bagId={bagId}");
        await Assertions.Expect(page.GetByTestId("bag-line-BAG-CUP")).ToContainTextAsync("2");
        await page.GetByLabel("Till id").FillAsync("BAG-1");
        await page.GetByLabel("Cash tendered").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take payment for the bag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bag-receipt")).ToContainTextAsync("BAG-CUP");
        await Assertions.Expect(page.GetByTestId("bag-status")).ToHaveTextAsync("checked_out");
        await Assertions.Expect(page.GetByTestId($"open-bag-{bagId}")).ToHaveCountAsync(0);
        var bag = await Host.GetAsync($"/api/bags/{bagId}");
        Assert.Equal("checked_out", bag.GetProperty("status").GetString());
        await page.SetViewportSizeAsync(390, 844);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "/bags at phone width");
        await ScreenshotAsync(page, "phone-bags");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMarketerSeesTheCampaignsNewestFirstAndReadsOneByClickingIt()
    {
        Host.SkipIfUnavailable();
        var ids = new List<string>();
        foreach (var name in new[] { "Spring Mugs", "Summer Mugs" })
        {
            ids.Add((await Host.PostJsonAsync("/api/loyalty/coupon-campaigns", new
            {
                name, promotionId = "promo-mugs", kind = "shared", startsAt = DateTimeOffset.UtcNow.AddHours(-1), endsAt = DateTimeOffset.UtcNow.AddDays(7),
                codes = new[] { name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() },
            })).GetProperty("id").GetString()!);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        var page = await SignInAsync(Host.Marketer);
        await OpenAsync(page, "/promotions");
        var campaigns = page.GetByTestId("campaigns");
        await Assertions.Expect(campaigns).ToContainTextAsync("Spring Mugs");
        // Newest first: Summer was created after Spring (rows found by id: a button's text is shown in capitals).
        var rows = (await campaigns.Locator("tbody tr").AllInnerTextsAsync()).ToList();
        var (summer, spring) = (rows.FindIndex(r => r.Contains(ids[1], StringComparison.Ordinal)), rows.FindIndex(r => r.Contains(ids[0], StringComparison.Ordinal)));
        Assert.True(summer >= 0 && summer < spring, $"Summer Mugs (row {summer}) comes before Spring Mugs (row {spring}): {string.Join(" | ", rows)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show campaign Spring Mugs" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("campaign-detail")).ToContainTextAsync(ids[0]);
        await Assertions.Expect(page.GetByTestId("campaign-used-issued")).ToHaveTextAsync("0 · 1");
        await Assertions.Expect(page.GetByLabel("Campaign id")).ToHaveValueAsync(ids[0]);
        await ScreenshotAsync(page, "coupon-campaigns");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffGetTheForbiddenPageAtTheNetworkAndAMarketerAtBags()
    {
        var staff = await SignInAsync(Host.StaffA);
        Assert.Equal(403, (await staff.GotoAsync("/network"))!.Status);
        await Assertions.Expect(staff.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Network" })).ToHaveCountAsync(0);
        await staff.Context.CloseAsync();
        var marketer = await SignInAsync(Host.Marketer);
        Assert.Equal(403, (await marketer.GotoAsync("/bags"))!.Status);
        await Assertions.Expect(marketer.GetByTestId("forbidden")).ToBeVisibleAsync();
        // A tenant that is no shop: the shop page says so and offers nothing to do.
        await OpenAsync(marketer, "/shop");
        await Assertions.Expect(marketer.GetByTestId("not-a-shop")).ToBeVisibleAsync();
        await Assertions.Expect(marketer.GetByRole(AriaRole.Button, new() { Name = "Order the suggestion" })).ToHaveCountAsync(0);
        await marketer.Context.CloseAsync();
    }
}
