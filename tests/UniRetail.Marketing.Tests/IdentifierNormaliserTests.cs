using UniRetail.Marketing.Stitching;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class IdentifierNormaliserTests
{
    private static readonly HashSet<string> NoneBlocked = [];

    [Theory]
    [InlineData(" Ann.Lee@Example.COM ", "ann.lee@example.com")]
    [InlineData("bob@shop.co.uk", "bob@shop.co.uk")]
    public void Normalise_Email_TrimsAndLowerCases(string raw, string expected) =>
        Assert.Equal(expected, IdentifierNormaliser.Normalise(IdentifierType.Email, raw, NoneBlocked)?.Value);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("test@test.com")]
    [InlineData("TEST@TEST.COM")]
    [InlineData("noemail@noemail.com")]
    [InlineData("none@none.com")]
    [InlineData("no@email.com")]
    [InlineData("na@na.com")]
    [InlineData("noemail@gmail.com")]
    [InlineData("declined@shop.co.uk")]
    public void Normalise_BadOrJunkEmail_GivesNothing(string raw) =>
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.Email, raw, NoneBlocked));

    [Theory]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("020 7946 0958", "+442079460958")]
    [InlineData("0044-20-7946-0958", "+442079460958")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("447700900123", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    public void Normalise_Phone_GivesE164(string raw, string expected) =>
        Assert.Equal(expected, IdentifierNormaliser.Normalise(IdentifierType.Phone, raw, NoneBlocked)?.Value);

    [Theory]
    [InlineData("null")]
    [InlineData("undefined")]
    [InlineData("0")]
    [InlineData(" ")]
    [InlineData("NULL")]
    public void Normalise_JunkIds_GiveNothing(string raw) =>
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.UserId, raw, NoneBlocked));

    [Fact]
    public void Normalise_TenantBlockedValue_GivesNothing() =>
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.DeviceId, "store-ipad-1", new HashSet<string> { "store-ipad-1" }));

    [Fact]
    public void Normalise_ControlCharacters_GiveNothing()
    {
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.Email, "a\u0000@example.com", NoneBlocked));
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.DeviceId, "dev\n1", NoneBlocked));
    }

    [Theory]
    [InlineData("6012 0000 0009")]
    [InlineData("6012-0000-0009")]
    [InlineData(" 601200000009 ")]
    public void Normalise_LoyaltyCardAsPrinted_IsTheScannedNumber(string raw) =>
        Assert.Equal("601200000009", IdentifierNormaliser.Normalise(IdentifierType.LoyaltyCard, raw, NoneBlocked)?.Value);

    [Theory]
    [InlineData("0000000000")]
    [InlineData("+44 7777 777777")]
    [InlineData("01234 567890")]
    public void Normalise_PlaceholderPhone_GivesNothing(string raw) =>
        Assert.Null(IdentifierNormaliser.Normalise(IdentifierType.Phone, raw, NoneBlocked));

    [Fact]
    public void Normalise_MemberId_IsTheMembersModulesForm() =>
        Assert.Equal("mem_0193a5c2e7b87c3a9f0e4b1d2c3a4b5c", IdentifierNormaliser.Normalise(IdentifierType.MemberId, " MEM_0193A5C2E7B87C3A9F0E4B1D2C3A4B5C", NoneBlocked)?.Value);
}
