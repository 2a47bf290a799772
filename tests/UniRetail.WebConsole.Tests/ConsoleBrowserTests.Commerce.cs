using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The console's promotions, order pricing, consumer assets and till pages, on the same host and browser as the rest.</summary>
public abstract partial class ConsoleBrowserTests<THost>
{
    private static ILocator FieldError(IPage page, string code) =>
        page.Locator(".mud-input-helper-text.mud-input-error", new() { HasText = code });

    private static string Money(JsonElement money) =>
        $"{money.GetProperty("amount").GetDecimal().ToString("N2", CultureInfo.InvariantCulture)} {money.GetProperty("currency").GetString()}";

    [Fact]
    public async Task AMarketerCreatesAPromotionTriesABasketIssuesACouponAndEndsIt()
    {
        Host.SkipIfUnavailable();
        // A SKU of its own: a promotion on the shared mug would change the totals other tests read.
        await Host.AddSkuWithStockAsync("SCARF-RED", Host.StoreA, 10);
        var member = (await Host.PostJsonAsync("/api/members", new { displayName = "Sam Scarf", identifiers = new[] { new { kind = "email", value = "sam.scarf@example.com" } } }))
            .GetProperty("id").GetString()!;
        var page = await SignInAsync(Host.Marketer);
        await OpenAsync(page, "/promotions");
        await page.GetByLabel("Promotion code").FillAsync("SCARF10");
        await page.GetByLabel("Promotion name").FillAsync("Scarves 10% off");
        await page.GetByLabel("SKUs (comma-separated)").FillAsync("SCARF-RED");
        await page.GetByLabel("Percent off").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create promotion" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "promotions.bad_percent")).ToBeVisibleAsync();
        await page.GetByLabel("Percent off").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create promotion" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-SCARF10")).ToHaveTextAsync("active");
        await Host.WaitUntilPromotionAppliesAsync("SCARF-RED", "SCARF10");

        // The basket box prices as POST /api/baskets/price does, and says per line what applied.
        await page.GetByLabel("Basket lines (SKU quantity, one a line)").FillAsync("NO-SUCH-SKU 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Price the basket" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "promotions.unknown_sku")).ToBeVisibleAsync();
        await page.GetByLabel("Basket lines (SKU quantity, one a line)").FillAsync("SCARF-RED 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Price the basket" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("priced-SCARF-RED")).ToContainTextAsync("SCARF10");
        var priced = await Host.PostJsonAsync("/api/baskets/price", new { channel = "web", lines = new[] { new { sku = "SCARF-RED", quantity = 2 } } });
        Assert.True(priced.GetProperty("discountTotal").GetProperty("amount").GetDecimal() > 0);
        await Assertions.Expect(page.GetByTestId("priced-total")).ToHaveTextAsync(Money(priced.GetProperty("total")));
        await Assertions.Expect(page.GetByTestId("priced-discount")).ToHaveTextAsync(Money(priced.GetProperty("discountTotal")));

        // A single-use campaign for the promotion just saved; a window that ends before it starts is refused at its field.
        await page.GetByLabel("Campaign name").FillAsync("Scarf Friday");
        await page.GetByLabel("Campaign ends (UTC)").FillAsync("2000-01-01 00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "loyalty.out_of_range")).ToBeVisibleAsync();
        await page.GetByLabel("Campaign ends (UTC)").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("campaigns")).ToContainTextAsync("Scarf Friday");
        await page.GetByLabel("To member id").FillAsync(member);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue code" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued-code")).ToContainTextAsync(member);
        var campaignId = await page.GetByLabel("Campaign id").InputValueAsync();
        Assert.Equal(1, (await Host.GetAsync($"/api/loyalty/coupon-campaigns/{campaignId}")).GetProperty("issued").GetInt64());
        await ScreenshotAsync(page, "promotions");

        // Editing reads the promotion at its current version and replaces it at that version.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit SCARF10" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("promotion-form")).ToContainTextAsync("Edit SCARF10 (version 1)");
        await Assertions.Expect(page.GetByLabel("Percent off")).ToHaveValueAsync("10");
        await page.GetByLabel("Percent off").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save promotion" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("promotion-done")).ToContainTextAsync("Saved SCARF10 (version 2)");
        var edited = (await Host.GetAsync("/api/promotions")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "SCARF10");
        Assert.Equal(15m, edited.GetProperty("rule").GetProperty("percent").GetDecimal());

        await page.GetByRole(AriaRole.Button, new() { Name = "End SCARF10" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-SCARF10")).ToHaveTextAsync("ended");
        var promotions = (await Host.GetAsync("/api/promotions")).GetProperty("items").EnumerateArray();
        Assert.False(promotions.Single(p => p.GetProperty("code").GetString() == "SCARF10").GetProperty("active").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOrderShowsEachLinesListPriceDiscountAndPromotionAndTheAmountDue()
    {
        Host.SkipIfUnavailable();
        await Host.AddSkuWithStockAsync("GLOVES-GREY", Host.StoreA, 10);
        var promotion = await Host.PostJsonAsync("/api/promotions",
            new { code = "GLOVES20", name = "Gloves 20% off", rule = new { kind = "percent_off", skus = new[] { "GLOVES-GREY" }, percent = 20 } });
        await Host.WaitUntilPromotionAppliesAsync("GLOVES-GREY", "GLOVES20");
        var placed = await Host.PostJsonAsync("/api/orders", new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = Host.StoreA, currency = "GBP", paymentCaptured = true,
            lines = new[] { new { sku = "GLOVES-GREY", quantity = 2 } },
        });
        var order = await Host.GetAsync($"/api/orders/{placed.GetProperty("id").GetString()}");
        Assert.True(order.GetProperty("discountTotal").GetProperty("amount").GetDecimal() > 0, "the promotion priced the order");
        var page = await SignInAsync(Host.Admin);
        await OpenAsync(page, $"/orders/{order.GetProperty("id").GetString()}");
        var line = order.GetProperty("lines")[0];
        await Assertions.Expect(page.GetByTestId("line-1")).ToContainTextAsync("GLOVES20");
        await Assertions.Expect(page.GetByTestId("line-1")).ToContainTextAsync(Money(line.GetProperty("listTotal")));
        await Assertions.Expect(page.GetByTestId("line-1")).ToContainTextAsync(Money(line.GetProperty("discount")));
        await Assertions.Expect(page.GetByTestId("discount-GLOVES20")).ToContainTextAsync(Money(order.GetProperty("discounts")[0].GetProperty("amount")));
        await Assertions.Expect(page.GetByTestId("order-discount")).ToContainTextAsync(Money(order.GetProperty("discountTotal")));
        await Assertions.Expect(page.GetByTestId("order-amount-due")).ToHaveTextAsync(Money(order.GetProperty("amountDue")));
        await ScreenshotAsync(page, "order-pricing");
        var ended = await Host.Api.DeleteAsync(new Uri($"/api/promotions/{promotion.GetProperty("id").GetString()}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(ended.IsSuccessStatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMarketerSeesTheAiplFunnelAndFlowAndBadInputAtItsField()
    {
        Host.SkipIfUnavailable();
        // A person seen on the web (a page view: Aware) and at the till, so the brand's AIPL counts someone.
        await Host.SeedCustomerSeenOnTheWebAndInStoreAsync("00303");
        var page = await SignInAsync(Host.Marketer);
        await OpenAsync(page, "/aipl");
        await Assertions.Expect(page.GetByTestId("aipl-funnel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stage-loyal")).ToContainTextAsync("loyal");
        await Assertions.Expect(page.GetByTestId("flow-new")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("fast")).ToContainTextAsync("Fertility");
        // A tenant of one day has no months to learn from: the forecast's problem is shown at its field, not a 500.
        await Assertions.Expect(FieldError(page, "marketing.not_enough_history")).ToBeVisibleAsync();
        // The page's total is the API's for the same day; the projector may still be counting the other tests' events, so read both until they agree.
        var agreed = false;
        for (var attempt = 0; attempt < 120 && !agreed; attempt++)
        {
            var api = (await Host.GetAsync("/api/marketing/aipl")).GetProperty("total").GetInt64();
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("aipl-total")).ToBeVisibleAsync();
            agreed = api > 0 && long.Parse(await page.GetByTestId("aipl-total").InnerTextAsync(), CultureInfo.InvariantCulture) == api;
            if (!agreed)
                await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.True(agreed, "the page's AIPL total never matched a non-zero GET /api/marketing/aipl");
        await ScreenshotAsync(page, "aipl");

        await page.GetByLabel("From (yyyy-MM-dd)").FillAsync("2026-06-10");
        await page.GetByLabel("To (yyyy-MM-dd)").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "marketing.bad_period")).ToBeVisibleAsync();
        await page.GetByLabel("Category (empty: the brand)").FillAsync("Nowhere/Nothing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "marketing.unknown_category")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffOpenATillMoveCashReadTheXReportAndCloseWithAZReport()
    {
        var page = await SignInAsync(Host.StaffA);
        await OpenAsync(page, "/till");
        await Assertions.Expect(page.GetByTestId("till-store")).ToHaveTextAsync("CG01");
        await page.GetByLabel("Till id").FillAsync("FRONT-1");
        await page.GetByLabel("Cash float").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open till" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "console.bad_amount")).ToBeVisibleAsync();
        await page.GetByLabel("Cash float").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open till" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-status")).ToHaveTextAsync("open");
        await Assertions.Expect(page.GetByTestId("expected-cash")).ToHaveTextAsync("100.00 GBP");
        await page.GetByLabel("Cash amount").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cash in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("expected-cash")).ToHaveTextAsync("120.00 GBP");
        await page.GetByLabel("Cash amount").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cash out" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "store.cash_short")).ToBeVisibleAsync();
        await page.GetByLabel("Cash amount").FillAsync("30");
        await page.GetByLabel("Reason").FillAsync("safe drop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cash out" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("expected-cash")).ToHaveTextAsync("90.00 GBP");
        // A sale at this till: two scans of one GTIN (a typo refused at its line first), paid £20 cash, £10 back in change.
        await Host.AddSkuWithStockAsync("TILL-MUG", Host.StoreA, 5, gtin: "5012345000015");
        await page.GetByLabel("Scanned GTINs").FillAsync("5012345000015\n5012345000016");
        await page.GetByLabel("Cash tendered").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take payment" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "catalog.gtin_bad_check_digit")).ToBeVisibleAsync();
        await page.GetByLabel("Scanned GTINs").FillAsync("5012345000015\n5012345000015");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take payment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-receipt")).ToContainTextAsync("TILL-MUG");
        await Assertions.Expect(page.GetByTestId("expected-cash")).ToHaveTextAsync("100.00 GBP");
        await ScreenshotAsync(page, "till");
        await page.GetByLabel("Cash counted").FillAsync("98");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close and take the Z report" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-status")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.GetByTestId("z-report").GetByTestId("over-short")).ToHaveTextAsync("-2.00 GBP");
        var sessionId = await page.GetByTestId("till-session").Locator(".mono").InnerTextAsync();
        var z = (await Host.GetAsync($"/api/pos/{Host.StoreA}/till-sessions/{sessionId}")).GetProperty("report");
        Assert.Equal("Z", z.GetProperty("kind").GetString());
        Assert.Equal(-2.00m, z.GetProperty("overShort").GetProperty("amount").GetDecimal());
        Assert.Equal(100.00m, z.GetProperty("expectedCash").GetProperty("amount").GetDecimal());
        Assert.Equal(1, z.GetProperty("sales").GetInt32());
        await ScreenshotAsync(page, "till-closed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoreStaffTakeBackALineOfATillSaleByItsReceiptAndTheXReportShowsTheRefund()
    {
        var page = await SignInAsync(Host.StaffA);
        await OpenAsync(page, "/till");
        await page.GetByLabel("Till id").FillAsync("BACK-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find open session" }).ClickAsync();
        await page.GetByLabel("Cash float").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open till" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-status")).ToHaveTextAsync("open");
        // A sale of two mugs and a pot (£5.00 each), paid £20 cash.
        await Host.AddSkuWithStockAsync("BACK-MUG", Host.StoreA, 5, gtin: "5012345000046");
        await Host.AddSkuWithStockAsync("BACK-POT", Host.StoreA, 5, gtin: "5012345000053");
        await page.GetByLabel("Scanned GTINs").FillAsync("5012345000046 2\n5012345000053");
        await page.GetByLabel("Cash tendered").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take payment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-receipt")).ToContainTextAsync("BACK-MUG");
        var printed = (await page.GetByTestId("till-receipt").InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries);
        var receiptId = printed[2];
        var orderId = printed.Single(l => l.StartsWith("Order ", StringComparison.Ordinal))["Order ".Length..];

        // A receipt this store never gave is refused at its field; the real one lists its lines.
        await page.GetByLabel("Receipt id").FillAsync("C-nothing-here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find sale" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "store.unknown_receipt")).ToBeVisibleAsync();
        await page.GetByLabel("Receipt id").FillAsync(receiptId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find sale" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("return-lines")).ToContainTextAsync("BACK-POT");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "/till with a sale to take back");
        // Zero units back is refused beside that line; then one mug comes back, refunded in cash and restocked.
        await page.GetByLabel("Units back of line 1").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Assertions.Expect(FieldError(page, "quantity.not_positive")).ToBeVisibleAsync();
        await page.GetByLabel("Units back of line 1").FillAsync("1");
        await page.GetByLabel("Return reason").FillAsync("chipped handle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("till-refund-receipt")).ToContainTextAsync("REFUNDED");
        await Assertions.Expect(page.GetByTestId("x-report").GetByTestId("refunds-total")).ToHaveTextAsync("5.00 GBP");
        await Assertions.Expect(page.GetByTestId("expected-cash")).ToHaveTextAsync("110.00 GBP");
        await ScreenshotAsync(page, "till-return");

        // By order id the same sale shows the unit already back.
        await page.GetByLabel("Receipt id").FillAsync("");
        await page.GetByLabel("Order id").FillAsync(orderId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find sale" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("return-lines").Locator("tbody tr").First).ToContainTextAsync("BACK-MUG");
        await Assertions.Expect(page.GetByTestId("return-lines").Locator("tbody tr").First.Locator("td").Nth(4)).ToHaveTextAsync("1");

        var sessionId = await page.GetByTestId("till-session").Locator(".mono").InnerTextAsync();
        var x = (await Host.GetAsync($"/api/pos/{Host.StoreA}/till-sessions/{sessionId}")).GetProperty("report");
        Assert.Equal((1, 1, 5.00m), (x.GetProperty("sales").GetInt32(), x.GetProperty("refunds").GetInt32(), x.GetProperty("refundsTotal").GetProperty("amount").GetDecimal()));
        var level = (await Host.GetAsync($"/api/inventory/levels?sku=BACK-MUG&locationId={Host.StoreA}")).GetProperty("items")[0];
        Assert.Equal(5 - 2 + 1, level.GetProperty("onHand").GetInt64());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMarketerGetsTheForbiddenPageAtTheTillAndStoreStaffAtPromotionsAndConsumerAssets()
    {
        var marketer = await SignInAsync(Host.Marketer);
        Assert.Equal(403, (await marketer.GotoAsync("/till"))!.Status);
        await Assertions.Expect(marketer.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(marketer.GetByRole(AriaRole.Link, new() { Name = "Till" })).ToHaveCountAsync(0);
        await marketer.Context.CloseAsync();
        var staff = await SignInAsync(Host.StaffB);
        foreach (var path in new[] { "/promotions", "/aipl" })
        {
            Assert.Equal(403, (await staff.GotoAsync(path))!.Status);
            await Assertions.Expect(staff.GetByTestId("forbidden")).ToBeVisibleAsync();
        }
        await OpenAsync(staff, "/till");
        await Assertions.Expect(staff.GetByTestId("till-store")).ToHaveTextAsync("CM01");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Promotions" })).ToHaveCountAsync(0);
        await staff.Context.CloseAsync();
    }
}
