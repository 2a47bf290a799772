using System.Globalization;
using System.Text;
using System.Text.Json;
using UniRetail.Web;

namespace UniRetail.Store.Checkout;

internal sealed record ReceiptLineView(int LineNo, string Sku, string Name, int Quantity, MoneyView UnitPrice, MoneyView Discount, MoneyView Total, IReadOnlyList<string> Promotions);

internal sealed record ReceiptDiscountView(string Code, string Name, MoneyView Amount);

/// <summary>A payment on a receipt; cash shows what was tendered and the change.</summary>
internal sealed record ReceiptPaymentView(string Type, MoneyView Amount, MoneyView? Tendered, MoneyView? Change, string? Reference);

/// <summary>
/// A till receipt: a sale (<c>kind</c> <c>sale</c>) or a return (<c>refund</c>, <c>originalId</c> naming the sale's receipt when
/// the till knows it). The same receipt answers every retry of its <c>id</c>.
/// </summary>
internal sealed record ReceiptView(
    string Id, string Kind, string OrderId, string StoreId, string TillId, string SessionId, string? MemberId, DateTimeOffset At, bool Offline,
    IReadOnlyList<ReceiptLineView> Lines, MoneyView ListTotal, MoneyView Discount, MoneyView Total, IReadOnlyList<ReceiptDiscountView> Discounts,
    string? Coupon, long PointsRedeemed, MoneyView PointsValue, long PointsEarned, long VisitPoints, IReadOnlyList<ReceiptPaymentView> Payments,
    MoneyView Change, string? OriginalId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReceiptView FromJson(string json) => JsonSerializer.Deserialize<ReceiptView>(json, Json)!;

    /// <summary>The receipt as a till prints it: 40 columns of plain text.</summary>
    public string ToText(string storeName)
    {
        const int width = 40;
        var text = new StringBuilder();
        void Line(string left, string right = "")
        {
            var room = Math.Max(0, width - right.Length - 1);
            var shown = left.Length > room ? left[..room] : left;
            text.Append(shown);
            if (right.Length > 0)
                text.Append(' ', width - shown.Length - right.Length).Append(right);
            text.Append('\n');
        }
        static string M(MoneyView money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        text.Append(Centred(storeName, width)).Append('\n');
        text.Append(Centred(Kind == "refund" ? "REFUND" : "RECEIPT", width)).Append('\n');
        // The id on a line of its own: a return by receipt reads it off the paper, so it is never cut short by the date.
        text.Append(Id).Append('\n');
        Line($"till {TillId}", At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        if (Offline)
            Line("sold offline");
        text.Append('-', width).Append('\n');
        foreach (var line in Lines)
        {
            Line($"{line.Quantity} x {line.Name}", M(line.Total));
            if (line.Discount.Amount != 0)
                Line($"   {string.Join(", ", line.Promotions)}", "-" + M(line.Discount));
        }
        text.Append('-', width).Append('\n');
        if (Discount.Amount != 0)
            Line("Discounts", "-" + M(Discount));
        Line(Kind == "refund" ? "REFUNDED" : "TOTAL", $"{M(Total)} {Total.Currency}");
        if (Coupon is not null)
            Line($"Coupon {Coupon}");
        if (PointsRedeemed != 0)
            Line($"Points {PointsRedeemed}", "-" + M(PointsValue));
        foreach (var payment in Payments)
        {
            Line(payment.Reference is null ? Title(payment.Type) : $"{Title(payment.Type)} {payment.Reference}", M(payment.Tendered ?? payment.Amount));
            if (payment.Change is { } change)
                Line("Change", M(change));
        }
        if (MemberId is not null)
            Line($"Member {MemberId}", PointsEarned != 0 ? $"+{PointsEarned} pts" : "");
        // Whole, not cut at the width: a return by order id reads it off the paper too.
        text.Append("Order ").Append(OrderId).Append('\n');
        return text.ToString();
    }

    private static string Title(string type) => type switch
    {
        "card" => "Card",
        "cash" => "Cash",
        "wallet" => "Wallet",
        "gift_card" => "Gift card",
        "points" => "Points",
        _ => type,
    };

    private static string Centred(string text, int width) =>
        text.Length >= width ? text[..width] : new string(' ', (width - text.Length) / 2) + text;
}
