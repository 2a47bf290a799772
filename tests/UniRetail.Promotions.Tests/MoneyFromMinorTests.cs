using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Promotions.Tests;

/// <summary>
/// Pricing builds its answer's amounts with <see cref="Money.FromMinor"/>, which builds the decimal from the integer and a
/// scale instead of dividing: the decimal must be the one the division gives, to the bit (1250p is 12.5, 1200p is 12), or
/// JSON answers and stored orders would change their digits.
/// </summary>
public sealed class MoneyFromMinorTests
{
    [Theory]
    [InlineData("GBP", 2)]
    [InlineData("JPY", 0)]
    [InlineData("EUR", 2)]
    public void FromMinorIsTheDecimalThatDivisionGives_ScaleIncluded(string code, int exponent)
    {
        var currency = Currency.Parse(code).Value;
        Assert.Equal(exponent, currency.Exponent);
        var divisor = 1m;
        for (var i = 0; i < exponent; i++)
            divisor *= 10;
        var random = new Random(exponent);
        var values = Enumerable.Range(-20_000, 40_001).Select(v => (long)v)
            .Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(-Money.MaxMinorUnits * 100, Money.MaxMinorUnits * 100)))
            .Concat([long.MaxValue, long.MinValue, long.MaxValue - 1, 100_000_000_000, 1_000_000_000_000_000]);
        foreach (var minor in values)
            Assert.Equal(decimal.GetBits(minor / divisor), decimal.GetBits(Money.FromMinor(minor, currency).Amount));
    }
}
