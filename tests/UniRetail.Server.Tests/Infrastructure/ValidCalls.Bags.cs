using System.Net;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    /// <summary>A fresh bag of Ann's at <paramref name="store"/>, started from her app, holding two of the seeded mug: its id.</summary>
    private async Task<string> ABagAsync(Location store)
    {
        var bag = await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/bags", new { storeId = store.Id, memberId = T.Ann.Id }), HttpStatusCode.Created);
        var id = bag.GetProperty("id").GetString()!;
        await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/bags/{id}/scans?memberId={T.Ann.Id}", new { gtin = T.Gtin, quantity = 2 }), HttpStatusCode.Created);
        return id;
    }

    private void AddBags()
    {
        Add("Store.StartBag", async store => ApiRequest.Post("/api/bags", new { storeId = store.Id, memberCode = await AMemberCodeAsync() }));
        Add("Store.ListBags", async store =>
        {
            await ABagAsync(store);
            return ApiRequest.Get($"/api/bags?storeId={store.Id}&limit=5");
        });
        Add("Store.GetBag", async store => ApiRequest.Get($"/api/bags/{await ABagAsync(store)}?memberId={T.Ann.Id}"));
        Add("Store.ScanIntoBag", async store => ApiRequest.Post($"/api/bags/{await ABagAsync(store)}/scans?memberId={T.Ann.Id}", new { gtin = T.Gtin, quantity = 1 }));
        Add("Store.SetBagLine", async store => ApiRequest.Put($"/api/bags/{await ABagAsync(store)}/lines/{Sku}?memberId={T.Ann.Id}", new { quantity = 1 }));
        Add("Store.RemoveBagLine", async store => ApiRequest.Delete($"/api/bags/{await ABagAsync(store)}/lines/{Sku}?memberId={T.Ann.Id}"));
        Add("Store.RefreshComplements", _ => ApiRequest.Post("/api/store/complements/refresh", new { }));
    }
}
