using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Managing;

internal static class PromotionViews
{
    public static PromotionView From(PromotionId id, ParsedPromotion p, Currency currency, int version, DateTimeOffset updatedAt) =>
        new(id.Value, p.Code, p.Name, p.Active, p.Priority, p.Exclusive, p.StackingGroup, currency.Code, p.StoredRule, p.StoredConditions, version, updatedAt);

    public static PromotionView From(PromotionRow row, Currency currency)
    {
        var request = row.ToRequest();
        return new PromotionView(row.PromotionId, row.Code, row.Name, row.Active, row.Priority, row.Exclusive, row.StackingGroup, currency.Code,
            request.Rule!, request.Conditions!, row.Version, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs));
    }
}
