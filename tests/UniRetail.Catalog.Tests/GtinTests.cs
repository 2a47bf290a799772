using UniRetail.Catalog.Domain;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Catalog.Tests;

public sealed class GtinTests
{
    [Theory]
    [InlineData("96385074", "00000096385074")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("4006381333931", "04006381333931")]
    [InlineData("10012345678902", "10012345678902")]
    [InlineData(" 5012345678900 ", "05012345678900")]
    public void Parse_ValidGtin_KeepsDigitsAndPadsToGtin14(string input, string gtin14)
    {
        var gtin = Gtin.Parse(input);

        Assert.True(gtin.IsSuccess, gtin.Error?.Message);
        Assert.Equal(input.Trim(), gtin.Value.Value);
        Assert.Equal(gtin14, gtin.Value.Gtin14);
    }

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("036000291453")]
    [InlineData("96385075")]
    [InlineData("10012345678901")]
    public void Parse_WrongCheckDigit_IsBadCheckDigit(string input)
    {
        var gtin = Gtin.Parse(input, "skus[0].gtin");

        Assert.Equal("catalog.gtin_bad_check_digit", gtin.ShouldFail().Code);
        Assert.Equal("skus[0].gtin", gtin.ShouldFail().Field);
    }

    [Theory]
    [InlineData("40063813339A1")]
    [InlineData("4006-381333931")]
    [InlineData("40063813339")]
    [InlineData("400638133393100")]
    [InlineData("1234567")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_LettersOrWrongLength_IsMalformed(string? input)
    {
        Assert.Equal("catalog.gtin_malformed", Gtin.Parse(input).ShouldFail().Code);
    }

    [Theory]
    [InlineData("400638133393", 1)]
    [InlineData("03600029145", 2)]
    [InlineData("9638507", 4)]
    [InlineData("978030640615", 7)]
    public void CheckDigit_Payload_IsTheGs1Mod10Digit(string payload, int expected)
    {
        Assert.Equal(expected, Gtin.CheckDigit(payload));
    }

    [Fact]
    public void Complete_TwelveDigitPayload_MintsAValidGtin13()
    {
        var minted = Gtin.Complete("501234567890");

        Assert.Equal("5012345678900", minted.Value);
        Assert.True(Gtin.Parse(minted.Value).IsSuccess);
    }

    [Fact]
    public void Equals_UpcAndItsEan13Form_AreTheSameGtin()
    {
        Assert.Equal(Gtin.Parse("036000291452").Value, Gtin.Parse("0036000291452").Value);
        Assert.NotEqual(Gtin.Parse("036000291452").Value, Gtin.Parse("4006381333931").Value);
    }
}
