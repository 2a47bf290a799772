using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The console in a real browser against the real host, once per engine: sign-in, roles, orders, stock, the store desk, live updates.</summary>
public abstract class ConsoleBrowserTests<THost>(THost host) : IClassFixture<THost> where THost : ConsoleHost
{
    private static readonly Regex SignInPath = new("/signin", RegexOptions.Compiled);

    private async Task<IPage> SignInAsync(ConsoleLogin login)
    {
        host.SkipIfUnavailable();
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Tenant (id or name)").FillAsync(host.TenantId);
        await page.GetByLabel("E-mail").FillAsync(login.Email);
        await page.GetByLabel("Password").FillAsync(login.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleHost.ScreenshotDirectory, $"{host.Provider}-{name}.png"), FullPage = true });

    [Fact]
    public async Task AnAdminSignsInSeesTodayAndSignsOut()
    {
        var page = await SignInAsync(host.Admin);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("admin@camden.test");
        await ScreenshotAsync(page, "today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(SignInPath);
        await page.GotoAsync("/orders");
        await Assertions.Expect(page).ToHaveURLAsync(SignInPath);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndFiveInARowLockTheUserOutEvenWithTheRightOne()
    {
        host.SkipIfUnavailable();
        var page = await host.Browser.NewPageAsync(new() { BaseURL = host.Address.ToString() });
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("Tenant (id or name)").FillAsync("Camden Goods");
            await page.GetByLabel("E-mail").FillAsync(host.LockMe.Email);
            await page.GetByLabel("Password").FillAsync("not the password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync(attempt < 5 ? "identity.bad_sign_in" : "identity.locked_out");
        }
        await page.GetByLabel("Tenant (id or name)").FillAsync("Camden Goods");
        await page.GetByLabel("E-mail").FillAsync(host.LockMe.Email);
        await page.GetByLabel("Password").FillAsync(host.LockMe.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("identity.locked_out");
        await ScreenshotAsync(page, "signin-locked");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ASignInPostedWithoutTheFormsAntiforgeryTokenIsRefusedAndSetsNoCookie()
    {
        host.SkipIfUnavailable();
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString() });
        var response = await context.APIRequest.PostAsync("/signin", new()
        {
            Form = context.APIRequest.CreateFormData()
                .Set("_handler", "signin").Set("Input.Tenant", host.TenantId).Set("Input.Email", host.Admin.Email).Set("Input.Password", host.Admin.Password),
            MaxRedirects = 0,
        });
        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "uniretail.console");
        var signOut = await context.APIRequest.PostAsync("/signout", new() { MaxRedirects = 0 });
        Assert.Equal(400, signOut.Status);
        Assert.Contains("console.antiforgery", await signOut.TextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffPickAndHandOverAClickAndCollectOrderAtTheirStore()
    {
        var order = await host.PlacePickupOrderAsync(host.StoreA);
        var page = await SignInAsync(host.StaffA);
        await OpenAsync(page, "/store");
        var row = page.GetByTestId("queue-allocated").Locator("tr", new() { HasText = order });
        await row.GetByRole(AriaRole.Button, new() { Name = "Start picking" }).ClickAsync();
        row = page.GetByTestId("queue-picking").Locator("tr", new() { HasText = order });
        await row.GetByRole(AriaRole.Button, new() { Name = "Ready for pickup" }).ClickAsync();
        row = page.GetByTestId("queue-ready_for_pickup").Locator("tr", new() { HasText = order });
        await ScreenshotAsync(page, "store-desk");
        await row.GetByRole(AriaRole.Button, new() { Name = "Hand over / complete" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("queue-ready_for_pickup").Locator("tr", new() { HasText = order })).ToHaveCountAsync(0);
        Assert.Equal("completed", (await host.GetAsync($"/api/orders/{order}")).GetProperty("status").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffOfAnotherStoreGetNoActionsOnAnOrderTheirStoreDoesNotFulfil()
    {
        var page = await SignInAsync(host.StaffB);
        await OpenAsync(page, $"/orders/{host.PickupOrderAtA}");
        await Assertions.Expect(page.GetByTestId("order-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("order-actions").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("order-actions")).ToContainTextAsync("does not fulfil this order");
        await OpenAsync(page, "/store");
        await Assertions.Expect(page.GetByTestId("queue-allocated")).Not.ToContainTextAsync(host.PickupOrderAtA);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMarketerGetsTheForbiddenPageAtTheStoreDeskAndNoStockMovementForm()
    {
        var page = await SignInAsync(host.Marketer);
        var response = await page.GotoAsync("/store");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "forbidden");
        await OpenAsync(page, "/stock");
        await Assertions.Expect(page.GetByTestId("levels")).ToContainTextAsync(host.Sku);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Store desk" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffReceiveStockAndSeeTheLevelChangeAndABadQuantityIsShownAtItsField()
    {
        var page = await SignInAsync(host.StaffA);
        await OpenAsync(page, "/stock");
        await page.GetByLabel("Item SKU").FillAsync(host.Sku);
        await page.GetByLabel("Quantity").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("quantity.not_positive");
        var before = (await host.GetAsync($"/api/inventory/levels?sku={host.Sku}&locationId={host.StoreA}")).GetProperty("items")[0].GetProperty("onHand").GetInt64();
        await page.GetByLabel("Quantity").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("move-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"level-{host.Sku}-CG01")).ToContainTextAsync((before + 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync(page, "stock");
        var after = (await host.GetAsync($"/api/inventory/levels?sku={host.Sku}&locationId={host.StoreA}")).GetProperty("items")[0].GetProperty("onHand").GetInt64();
        Assert.Equal(before + 7, after);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOrderPlacedThroughTheApiAppearsOnTodayWithoutAReload()
    {
        var page = await SignInAsync(host.Admin);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var before = long.Parse(await page.GetByTestId("today-orders").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await host.PlacePickupOrderAsync(host.StoreB);
        await Assertions.Expect(page.GetByTestId("today-orders")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOrderShowsItsLinesRoutingAndHistoryAndTheListFiltersByStatus()
    {
        var page = await SignInAsync(host.Admin);
        await OpenAsync(page, $"/orders?status=allocated");
        await Assertions.Expect(page.GetByTestId("orders-table")).ToContainTextAsync(host.PickupOrderAtA);
        await ScreenshotAsync(page, "orders");
        await page.GetByRole(AriaRole.Link, new() { Name = host.PickupOrderAtA }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-total")).ToHaveTextAsync("12.50 GBP");
        await Assertions.Expect(page.GetByTestId("routing")).ToContainTextAsync("CG01");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("allocated");
        await Assertions.Expect(page.GetByTestId("order-actions").GetByRole(AriaRole.Button, new() { Name = "Start picking" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "order");
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteConsoleBrowserTests(SqliteConsole host) : ConsoleBrowserTests<SqliteConsole>(host);

public sealed class PostgresConsoleBrowserTests(PostgresConsole host) : ConsoleBrowserTests<PostgresConsole>(host);
