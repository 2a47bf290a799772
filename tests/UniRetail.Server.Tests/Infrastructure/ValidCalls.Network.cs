namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    private void AddNetwork()
    {
        Add("Shop.ConfigureSku", store => ApiRequest.Put($"/api/shop/skus/{Sku}", new
        {
            locationId = store.Id, casePack = 6, minimumUnits = 12, leadTimeDays = 1, cycleDays = 7, serviceLevel = 0.95m, onOrder = 0,
        }));
        Add("Shop.RecordSales", store => ApiRequest.Post("/api/shop/sales", new
        {
            locationId = store.Id, days = new[] { new { date = "2026-11-01", sku = Sku, units = 3 } },
        }));
        Add("Shop.Replenishment", store => ApiRequest.Get($"/api/shop/replenishment?locationId={store.Id}"));
    }
}
