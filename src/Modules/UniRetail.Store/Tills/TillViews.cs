using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;
using UniRetail.Web;

namespace UniRetail.Store.Tills;

/// <summary>An amount as till requests write it: <c>{"amount": 150.00, "currency": "GBP"}</c>; the currency defaults to the tenant's.</summary>
internal sealed record TillAmountRequest(decimal? Amount, string? Currency)
{
    public static Result<Money> Parse(TillAmountRequest? request, Currency tenantCurrency, string field)
    {
        if (request?.Amount is not { } amount)
            return StoreErrors.Required(field + ".amount");
        if (request.Currency is not null && !string.Equals(request.Currency.Trim(), tenantCurrency.Code, StringComparison.OrdinalIgnoreCase))
            return StoreErrors.CurrencyMismatch(tenantCurrency.Code, field + ".currency");
        return Money.Of(amount, tenantCurrency, field + ".amount");
    }
}

/// <summary>The body of opening a till: the cash float put in the drawer.</summary>
internal sealed record OpenTillRequest(TillAmountRequest? Float);

/// <summary>Cash in (<c>in</c>: change brought to the drawer) or out (<c>out</c>: a safe drop); a retry with the same reference is a no-op.</summary>
internal sealed record CashMovementRequest(string? Kind, TillAmountRequest? Amount, string? Reason, string? Reference);

/// <summary>The body of closing a till: the cash counted in the drawer.</summary>
internal sealed record CloseTillRequest(TillAmountRequest? Counted);

internal sealed record PaymentTotalView(string Type, MoneyView Sales, MoneyView Refunds, MoneyView Net);

/// <summary>An X (running) or Z (closing) report.</summary>
internal sealed record TillReportView(
    string Kind, int Sales, int Refunds, MoneyView GrossSales, MoneyView RefundsTotal, MoneyView Discounts, MoneyView NetSales, long PointsRedeemed,
    long PointsEarned, IReadOnlyList<PaymentTotalView> Payments, MoneyView Float, MoneyView CashIn, MoneyView CashOut, MoneyView ExpectedCash,
    MoneyView? CountedCash, MoneyView? OverShort)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TillReportView From(TillReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.Kind, report.Sales, report.Refunds, MoneyView.From(report.GrossSales), MoneyView.From(report.RefundsTotal), MoneyView.From(report.Discounts),
            MoneyView.From(report.NetSales), report.PointsRedeemed, report.PointsEarned,
            report.Payments.Select(p => new PaymentTotalView(p.Type, MoneyView.From(p.Sales), MoneyView.From(p.Refunds), MoneyView.From(p.Net))).ToList(),
            MoneyView.From(report.Float), MoneyView.From(report.CashIn), MoneyView.From(report.CashOut), MoneyView.From(report.ExpectedCash),
            report.CountedCash is { } counted ? MoneyView.From(counted) : null, report.OverShort is { } overShort ? MoneyView.From(overShort) : null);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TillReportView FromJson(string json) => JsonSerializer.Deserialize<TillReportView>(json, Json)!;
}

/// <summary>A till session with its report: the running X report while open, the Z report taken at close.</summary>
internal sealed record TillSessionView(
    string Id, string StoreId, string TillId, string Status, MoneyView Float, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt,
    string? ClosedBy, TillReportView Report)
{
    public static TillSessionView From(TillSessionRow row, TillReportView report)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.SessionId, row.StoreId, row.TillId, row.Status, MoneyView.From(Money.FromMinor(row.FloatMinor, Currency.FromStored(row.Currency))),
            DateTimeOffset.FromUnixTimeMilliseconds(row.OpenedAtMs), row.OpenedBy,
            row.ClosedAtMs is { } closed ? DateTimeOffset.FromUnixTimeMilliseconds(closed) : null, row.ClosedBy, report);
    }
}

/// <summary>A cash movement as recorded.</summary>
internal sealed record CashMovementView(string Reference, string Kind, MoneyView Amount, string? Reason, DateTimeOffset At, bool Replayed);
