using System.Globalization;

namespace UniRetail.Kernel;

/// <summary>An amount in one currency. Arithmetic across currencies is a bug and throws.</summary>
public readonly record struct Money
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, rounded to the currency's minor unit.</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>
    /// The largest amount accepted as input, in minor units (£1,000,000,000.00; ¥100,000,000,000). With at most
    /// <see cref="Quantity.Max"/> units a line and a hundred lines an order, every total the platform computes fits a
    /// 64-bit count of minor units with room to spare.
    /// </summary>
    public const long MaxMinorUnits = 100_000_000_000;

    /// <summary>The amount in minor units (pence, cents), as stored; an amount beyond 64 bits is a bug and throws.</summary>
    public long MinorUnits => checked((long)(Amount * Pow10(Currency.Exponent)));

    /// <summary>Money from an amount; fails when it is negative, has more decimals than the currency allows, or exceeds <see cref="MaxMinorUnits"/>.</summary>
    public static Result<Money> Of(decimal amount, Currency currency, string field = "amount")
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (amount < 0)
            return Error.Validation("money.negative", "An amount cannot be negative.", field);
        if (decimal.Round(amount, currency.Exponent) != amount)
            return Error.Validation("money.too_precise", $"{currency.Code} amounts have at most {currency.Exponent} decimals.", field);
        var largest = MaxMinorUnits / Pow10(currency.Exponent);
        if (amount > largest)
            return Error.Validation("money.too_large", $"{currency.Code} amounts are at most {largest.ToString("F" + currency.Exponent, CultureInfo.InvariantCulture)}.", field);
        return new Money(amount, currency);
    }

    /// <summary>Money from stored minor units.</summary>
    public static Money FromMinor(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(FromMinorUnits(minorUnits, currency.Exponent), currency);
    }

    /// <summary>
    /// <c>minorUnits / 10^exponent</c> exactly as decimal division answers it — trailing zeros dropped, so 1250 pence is
    /// 12.5 and 1200 is 12 (JSON and text show the same digits) — built from the integer and a scale: a decimal division
    /// costs more than all the rest of making a <see cref="Money"/>, and pricing makes a hundred of them a basket.
    /// </summary>
    private static decimal FromMinorUnits(long minorUnits, int exponent)
    {
        if (minorUnits == long.MinValue || exponent is < 0 or > 28)
            return minorUnits / Pow10(exponent);
        var scale = exponent;
        while (scale > 0 && minorUnits % 10 == 0)
        {
            minorUnits /= 10;
            scale--;
        }
        var magnitude = (ulong)Math.Abs(minorUnits);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, minorUnits < 0, (byte)scale);
    }

    /// <summary>Nothing, in a currency.</summary>
    public static Money Zero(Currency currency) => FromMinor(0, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Multiplies by a whole quantity.</summary>
    public static Money operator *(Money money, int quantity) => new(money.Amount * quantity, money.Currency);

    /// <summary>Same as <c>+</c>.</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Same as <c>-</c>.</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Same as <c>*</c>.</summary>
    public static Money Multiply(Money money, int quantity) => money * quantity;

    /// <inheritdoc />
    public override string ToString() => $"{Amount.ToString("F" + Currency.Exponent, CultureInfo.InvariantCulture)} {Currency.Code}";

    private static decimal Pow10(int exponent)
    {
        decimal factor = 1;
        for (var i = 0; i < exponent; i++)
            factor *= 10;
        return factor;
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
            throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
    }
}
