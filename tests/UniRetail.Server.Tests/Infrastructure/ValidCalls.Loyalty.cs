using System.Net;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    /// <summary>A program every loyalty call can run under: 1 point per pound, nothing pending, 100 points = £1.</summary>
    public static object AProgram() => new
    {
        currency = "GBP",
        earn = new { pointsPerUnit = 1, categoryMultipliers = new Dictionary<string, decimal> { ["Home/Kitchen"] = 2 }, firstPurchaseBonus = 50, storeVisitBonus = 10 },
        pendingDays = 0,
        expiryMonths = 12,
        redemption = new { points = 100, value = 1.00m, minimumPoints = 100, maxShareOfBasket = 50 },
        tiers = new { basis = "spend", periodMonths = 12, levels = new[] { new { name = "member", threshold = 0m, earnMultiplier = 1m }, new { name = "gold", threshold = 500m, earnMultiplier = 2m } } },
    };

    private void AddLoyalty()
    {
        Add("Loyalty.GetProgram", async _ =>
        {
            await T.SendOkAsync<JsonElement>(ApiRequest.Put("/api/loyalty/program", AProgram()));
            return ApiRequest.Get("/api/loyalty/program");
        });
        Add("Loyalty.SetProgram", _ => ApiRequest.Put("/api/loyalty/program", AProgram()));
        Add("Loyalty.Check", _ => ApiRequest.Get("/api/loyalty/check"));
        Add("Loyalty.GetMember", _ => ApiRequest.Get($"/api/loyalty/members/{T.Ann.Id}"));
        Add("Loyalty.Adjust", _ => ApiRequest.Post($"/api/loyalty/members/{T.Ann.Id}/adjustments", new { points = 10, reason = "goodwill" }));
        Add("Loyalty.SetBirthday", _ => ApiRequest.Put($"/api/loyalty/members/{T.Ann.Id}/birthday", new { month = 5, day = 17 }));
        Add("Loyalty.TopUpWallet", store => ApiRequest.Post($"/api/loyalty/members/{T.Ann.Id}/wallet/top-ups",
            new { amount = new { amount = 5.00m }, reference = $"topup-{Fresh()}", storeId = store.Id }));
        Add("Loyalty.RecordVisit", store => ApiRequest.Post($"/api/loyalty/members/{T.Ann.Id}/visits", new { storeId = store.Id }));
        Add("Loyalty.Quote", store => ApiRequest.Post("/api/loyalty/quotes", new { memberId = T.Ann.Id, subtotal = new { amount = 10.00m }, storeId = store.Id }));
        Add("Loyalty.Redeem", store => ApiRequest.Post("/api/loyalty/redemptions",
            new { reference = $"sale-{Fresh()}", memberId = T.Ann.Id, subtotal = new { amount = 10.00m }, channel = "pos", storeId = store.Id }));
        Add("Loyalty.Earn", store => APurchase($"sale-{Fresh()}", store));
        Add("Loyalty.Return", async store =>
        {
            var reference = $"sale-{Fresh()}";
            await T.SendOkAsync<JsonElement>(APurchase(reference, store), HttpStatusCode.Created);
            return ApiRequest.Post("/api/loyalty/returns", new
            {
                returnReference = $"ret-{Fresh()}", orderReference = reference, storeId = store.Id, lines = new[] { new { lineId = Sku, amount = new { amount = 1.00m } } },
            });
        });
        Add("Loyalty.CreateCampaign", _ => ACampaign("shared", $"SAVE{Fresh()}"));
        Add("Loyalty.ListCampaigns", _ => ApiRequest.Get("/api/loyalty/coupon-campaigns?limit=5"));
        Add("Loyalty.GetCampaign", async _ =>
        {
            var campaign = await T.SendOkAsync<JsonElement>(ACampaign("shared", $"SAVE{Fresh()}"), HttpStatusCode.Created);
            return ApiRequest.Get($"/api/loyalty/coupon-campaigns/{campaign.GetProperty("id").GetString()}");
        });
        Add("Loyalty.IssueCode", async _ =>
        {
            var campaign = await T.SendOkAsync<JsonElement>(ACampaign("single_use", null), HttpStatusCode.Created);
            return ApiRequest.Post($"/api/loyalty/coupon-campaigns/{campaign.GetProperty("id").GetString()}/codes", new { memberId = T.Ann.Id });
        });
        Add("Loyalty.IssueGiftCard", store => ApiRequest.Post("/api/loyalty/gift-cards", new { amount = new { amount = 20.00m }, storeId = store.Id }));
        Add("Loyalty.GetGiftCard", async store =>
        {
            var card = await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/loyalty/gift-cards", new { amount = new { amount = 20.00m }, storeId = store.Id }), HttpStatusCode.Created);
            return ApiRequest.Get($"/api/loyalty/gift-cards/{card.GetProperty("code").GetString()}");
        });
    }

    private ApiRequest APurchase(string reference, Location store) => ApiRequest.Post("/api/loyalty/purchases", new
    {
        reference, memberId = T.Ann.Id, channel = "pos", storeId = store.Id,
        lines = new[] { new { sku = Sku, category = "Home/Kitchen", net = new { amount = 12.50m } } },
    });

    private static ApiRequest ACampaign(string kind, string? code) => ApiRequest.Post("/api/loyalty/coupon-campaigns", new
    {
        name = "Winter", promotionId = "promo-winter", kind, startsAt = DateTimeOffset.UtcNow.AddDays(-1), endsAt = DateTimeOffset.UtcNow.AddDays(30),
        totalLimit = 1000, perMemberLimit = 5, codes = code is null ? null : new[] { code },
    });
}
