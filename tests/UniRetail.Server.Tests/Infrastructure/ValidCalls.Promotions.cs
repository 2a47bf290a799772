using System.Net;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    private void AddPromotions()
    {
        Add("Promotions.Create", _ => APromotion());
        Add("Promotions.List", _ => ApiRequest.Get("/api/promotions?limit=10"));
        Add("Promotions.Get", _ => ApiRequest.Get($"/api/promotions/{T.PromotionId}"));
        Add("Promotions.Update", async _ =>
        {
            var id = await FreshPromotionAsync();
            return ApiRequest.Put($"/api/promotions/{id}", new
            {
                code = $"TEA-{Fresh()}", name = "15% off the blue mug", version = 1, rule = new { kind = "percent_off", skus = new[] { Sku }, percent = 15 },
            });
        });
        Add("Promotions.Deactivate", async _ => ApiRequest.Delete($"/api/promotions/{await FreshPromotionAsync()}"));
        Add("Promotions.PriceBasket", store => ApiRequest.Post("/api/baskets/price", new
        {
            channel = "pos", storeId = store.Id, memberId = T.Ann.Id, lines = new[] { new { sku = Sku, quantity = 2 } },
        }));
    }

    private ApiRequest APromotion() => ApiRequest.Post("/api/promotions", new
    {
        code = $"MUGS-{Fresh()}", name = "3 blue mugs for 2", priority = 5, rule = new { kind = "multi_buy", skus = new[] { Sku }, quantity = 3, pay = 2 },
        conditions = new { channels = new[] { "pos", "web" }, validFrom = "2026-01-01T00:00:00Z" },
    });

    private async Task<string> FreshPromotionAsync() =>
        (await T.SendOkAsync<JsonElement>(APromotion(), HttpStatusCode.Created)).GetProperty("id").GetString()!;
}
