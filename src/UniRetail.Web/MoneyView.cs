using UniRetail.Kernel;

namespace UniRetail.Web;

/// <summary>Money as every JSON body writes it: <c>{"amount": 2.55, "currency": "GBP"}</c>.</summary>
public sealed record MoneyView(decimal Amount, string Currency)
{
    public static MoneyView From(Money money) => new(money.Amount, money.Currency.Code);
}
