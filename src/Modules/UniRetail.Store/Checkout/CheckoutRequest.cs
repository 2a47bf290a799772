using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Tills;

namespace UniRetail.Store.Checkout;

/// <summary>A scanned line: the barcode's GTIN and the units.</summary>
internal sealed record ScannedLineRequest(string? Gtin, int Quantity);

/// <summary>A payment: <c>card</c> (with the terminal's <c>reference</c>), <c>cash</c> (what was tendered) or <c>wallet</c> (the member's stored value).</summary>
internal sealed record TillPaymentRequest(string? Type, TillAmountRequest? Amount, string? Reference);

/// <summary>
/// A sale at a till: the open session, the till's own <c>saleId</c> (a retry or a re-post answers the first receipt), the
/// scanned lines, an optional member code, a coupon and points, the payments. <c>offline</c>: the till sold it while offline and
/// posts it now, <c>soldAt</c> being when. <c>bagId</c> instead of <c>lines</c>: the shopper's scan-to-bag bag is the sale.
/// </summary>
internal sealed record CheckoutRequest(
    string? SessionId, string? SaleId, IReadOnlyList<ScannedLineRequest>? Lines, string? MemberCode, IReadOnlyList<string?>? Coupons, long? Points,
    IReadOnlyList<TillPaymentRequest>? Payments, bool? Offline, DateTimeOffset? SoldAt, string? BagId = null);

/// <summary>A checkout request whose every field has been checked on its own (no I/O yet).</summary>
internal sealed record CheckoutDraft(
    string SessionId, string SaleId, IReadOnlyList<(string Gtin, Quantity Quantity)> Lines, string? MemberCode, string? Coupon, long Points,
    Money? Wallet, string? WalletField, IReadOnlyList<TenderedPayment> Tendered, bool Offline, DateTimeOffset SoldAt, string? BagId)
{
    public const int MaxLines = 100;
    public const int MaxPayments = 10;
    public static readonly TimeSpan OfflineWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static Result<CheckoutDraft> Parse(CheckoutRequest request, Currency currency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SessionId))
            return StoreErrors.Required("sessionId");
        if (!TillReceiptIds.IsValid(request.SaleId))
            return request.SaleId is null ? StoreErrors.Required("saleId") : StoreErrors.BadSaleId(request.SaleId, "saleId");
        var bagId = string.IsNullOrWhiteSpace(request.BagId) ? null : request.BagId.Trim();
        if (bagId is not null && request.Lines is { Count: > 0 })
            return StoreErrors.BagOrLines();
        var lines = bagId is null ? ParseLines(request.Lines) : Result<IReadOnlyList<(string, Quantity)>>.Success([]);
        if (!lines.IsSuccess)
            return lines.Error;
        string? coupon = null;
        if (request.Coupons is { Count: > 0 } coupons)
        {
            if (coupons.Count > 1)
                return StoreErrors.TooManyCoupons();
            if (string.IsNullOrWhiteSpace(coupons[0]) || coupons[0]!.Trim().Length > 64)
                return StoreErrors.BadCoupon("coupons[0]");
            coupon = coupons[0]!.Trim();
        }
        var points = request.Points ?? 0;
        if (points < 0)
            return StoreErrors.NegativePoints();
        var code = string.IsNullOrWhiteSpace(request.MemberCode) ? null : request.MemberCode.Trim();
        if (code is null && points > 0)
            return StoreErrors.NeedsMemberCode("points");
        var payments = ParsePayments(request.Payments, currency, code is not null);
        if (!payments.IsSuccess)
            return payments.Error;
        var offline = request.Offline ?? false;
        var soldAt = now;
        if (offline)
        {
            if (request.SoldAt is not { } at)
                return StoreErrors.Required("soldAt");
            if (at > now + ClockSkew || at < now - OfflineWindow)
                return StoreErrors.BadSoldAt("soldAt");
            if (bagId is not null)
                return StoreErrors.BagOffline();
            soldAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        }
        var (wallet, walletField, tendered) = payments.Value;
        return new CheckoutDraft(request.SessionId.Trim(), request.SaleId!, lines.Value, code, coupon, points, wallet, walletField, tendered, offline, soldAt, bagId);
    }

    private static Result<IReadOnlyList<(string, Quantity)>> ParseLines(IReadOnlyList<ScannedLineRequest>? requested)
    {
        if (requested is not { Count: > 0 })
            return StoreErrors.NoLines();
        if (requested.Count > MaxLines)
            return StoreErrors.TooManyLines(MaxLines);
        var lines = new List<(string, Quantity)>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(requested[i].Gtin))
                return StoreErrors.Required($"lines[{i}].gtin");
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            lines.Add((requested[i].Gtin!, quantity.Value));
        }
        return lines;
    }

    private static Result<(Money?, string?, IReadOnlyList<TenderedPayment>)> ParsePayments(IReadOnlyList<TillPaymentRequest>? requested, Currency currency, bool member)
    {
        if (requested is not { Count: > 0 and <= MaxPayments })
            return StoreErrors.NoPayments();
        Money? wallet = null;
        string? walletField = null;
        var tendered = new List<TenderedPayment>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var field = $"payments[{i}]";
            var type = requested[i].Type?.Trim().ToLowerInvariant();
            if (type is not (PaymentTypes.Card or PaymentTypes.Cash or PaymentTypes.Wallet))
                return type is null ? StoreErrors.Required(field + ".type") : StoreErrors.BadPaymentType(requested[i].Type, field + ".type");
            var amount = TillAmountRequest.Parse(requested[i].Amount, currency, field + ".amount");
            if (!amount.IsSuccess)
                return amount.Error;
            var reference = requested[i].Reference?.Trim();
            if (reference is { Length: 0 or > 64 } || (reference?.Any(char.IsControl) ?? false))
                return StoreErrors.BadText(field + ".reference", 64);
            if (type == PaymentTypes.Wallet)
            {
                if (!member)
                    return StoreErrors.NeedsMemberCode(field + ".type");
                if (wallet is not null)
                    return StoreErrors.WalletTwice(field + ".type");
                (wallet, walletField) = (amount.Value, field);
                continue;
            }
            tendered.Add(new TenderedPayment(type, amount.Value, reference, field));
        }
        IReadOnlyList<TenderedPayment> given = tendered;
        return (wallet, walletField, given);
    }
}

/// <summary>A till's own id for a sale or a return, unique at its store: <c>T1-000123</c>, <c>front-2:2026-12-02:17</c>.</summary>
internal static class TillReceiptIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
