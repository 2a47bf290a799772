using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;
using UniRetail.Web;

namespace UniRetail.Network.ShopOrders;

/// <summary>One representative over a period: shops signed (in it, and on the platform now), their orders and the commission on them.</summary>
public sealed record RepCommission(string RepId, string Name, decimal CommissionRate, int ShopsSigned, int ShopsActive, long Orders, long Cases, MoneyView OrderValue, MoneyView Commission);

public sealed record CommissionView(DateOnly From, DateOnly To, IReadOnlyList<RepCommission> Reps);

/// <summary>
/// The commission report: every representative of the platform with the orders placed in [from, to) (UTC days) by the shops
/// they signed, whether or not the shop is still on the platform; the commission is the rate × the order value, to the minor unit.
/// </summary>
internal sealed class CommissionReport(Database database, AgreementStore agreements, ShopOrderStore orders, ITenantDirectory tenants)
{
    public async Task<Result<CommissionView>> HandleAsync(Caller platform, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var period = ReportPeriod.Parse(from, to);
        if (!period.IsSuccess)
            return period.Error;
        var (fromDate, toDate) = (period.Value.From, period.Value.To);
        var (fromMs, toMs) = (period.Value.FromMs, period.Value.ToMs);
        var (reps, shops, sales) = await database.ReadAsync(async c =>
            (await agreements.RepsAsync(c, platform.Tenant), await agreements.OfPlatformAsync(c, platform.Tenant), await orders.ByRepAsync(c, platform.Tenant, fromMs, toMs)), ct);
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        var byRep = sales.ToDictionary(s => s.RepId, StringComparer.Ordinal);
        return new CommissionView(fromDate, toDate, [.. reps.Select(rep =>
        {
            var sold = byRep.GetValueOrDefault(rep.RepId);
            var value = sold?.ValueMinor ?? 0;
            var commission = (long)Math.Round(value * rep.CommissionPermille / 1000m, MidpointRounding.AwayFromZero);
            var signed = shops.Where(s => s.RepId == rep.RepId).ToList();
            return new RepCommission(
                rep.RepId, rep.Name, rep.CommissionPermille / 1000m, signed.Count(s => s.JoinedAtMs >= fromMs && s.JoinedAtMs < toMs),
                signed.Count(s => s.LeftAtMs is null), sold?.Orders ?? 0, sold?.Cases ?? 0,
                MoneyView.From(Money.FromMinor(value, currency)), MoneyView.From(Money.FromMinor(commission, currency)));
        })]);
    }
}
