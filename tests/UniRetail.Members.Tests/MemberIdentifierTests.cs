using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Members.Tests;

public sealed class MemberIdentifierTests
{
    private static readonly MembersOptions Uk = new();

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("07700-900-123")]
    [InlineData("(07700) 900.123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+44 (0)7700 900123")]
    [InlineData("0044 7700 900123")]
    [InlineData("  +447700900123  ")]
    [InlineData("447700900123")]
    [InlineData("44 7700 900123")]
    public void Parse_UkPhoneWrittenAnyWay_IsOneE164Number(string written)
    {
        var phone = MemberIdentifier.Parse(IdentifierKind.Phone, written, Uk);

        Assert.Equal("+447700900123", phone.Value.Value);
    }

    [Theory]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("0086 138 0013 8000", "+8613800138000")]
    [InlineData("+49 30 901820", "+4930901820")]
    public void Parse_InternationalPhone_KeepsItsCountryCode(string written, string e164)
    {
        Assert.Equal(e164, MemberIdentifier.Parse(IdentifierKind.Phone, written, Uk).Value.Value);
    }

    [Fact]
    public void Parse_NationalPhoneWithOtherDefaultCountry_TakesThatCountryCode()
    {
        var germany = new MembersOptions { DefaultCountryCallingCode = "49" };

        Assert.Equal("+4930901820", MemberIdentifier.Parse(IdentifierKind.Phone, "030 901820", germany).Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7700 900123")]
    [InlineData("+44 7700 9OO123")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0447700900123")]
    [InlineData("4477009")]
    [InlineData("0")]
    [InlineData(null)]
    public void Parse_BadPhone_IsBadPhoneAtTheField(string? written)
    {
        var phone = MemberIdentifier.Parse(IdentifierKind.Phone, written, Uk, "identifiers[0].value");

        Assert.Equal("members.bad_phone", phone.ShouldFail().Code);
        Assert.Equal("identifiers[0].value", phone.ShouldFail().Field);
    }

    [Fact]
    public void Parse_Email_IsTrimmedAndLowerCased()
    {
        var email = MemberIdentifier.Parse(IdentifierKind.Email, "  Ada.Lovelace@Example.CO.UK ", Uk);

        Assert.Equal("ada.lovelace@example.co.uk", email.Value.Value);
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@example")]
    [InlineData("ada@@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@example..com")]
    public void Parse_BadEmail_IsBadEmail(string written)
    {
        Assert.Equal("members.bad_email", MemberIdentifier.Parse(IdentifierKind.Email, written, Uk).ShouldFail().Code);
    }

    [Fact]
    public void Parse_LoyaltyCard_DropsGroupingAndUpperCases()
    {
        Assert.Equal("AB12345678", MemberIdentifier.Parse(IdentifierKind.LoyaltyCard, " ab-1234 5678 ", Uk).Value.Value);
        Assert.Equal("members.bad_loyalty_card", MemberIdentifier.Parse(IdentifierKind.LoyaltyCard, "12#4", Uk).ShouldFail().Code);
    }

    [Fact]
    public void Parse_External_LowerCasesTheSystemAndKeepsTheId()
    {
        Assert.Equal("tmall:Buyer88231", MemberIdentifier.Parse(IdentifierKind.External, " Tmall : Buyer88231 ", Uk).Value.Value);
    }

    [Theory]
    [InlineData("tmall")]
    [InlineData(":88231")]
    [InlineData("tmall:")]
    [InlineData("t mall:88231")]
    public void Parse_BadExternal_IsBadExternal(string written)
    {
        Assert.Equal("members.bad_external", MemberIdentifier.Parse(IdentifierKind.External, written, Uk).ShouldFail().Code);
    }

    [Fact]
    public void Parse_Account_IsTrimmedAndMustNotBeBlank()
    {
        Assert.Equal("shop-user-42", MemberIdentifier.Parse(IdentifierKind.Account, "  shop-user-42 ", Uk).Value.Value);
        Assert.Equal("members.bad_account", MemberIdentifier.Parse(IdentifierKind.Account, "   ", Uk).ShouldFail().Code);
    }

    [Fact]
    public void Parse_UnknownKind_NamesTheKindField()
    {
        var parsed = MemberIdentifier.Parse("fax", "020 7946 0958", Uk, "identifiers[2].");

        Assert.Equal("members.unknown_identifier_kind", parsed.ShouldFail().Code);
        Assert.Equal("identifiers[2].kind", parsed.ShouldFail().Field);
    }

    [Theory]
    [InlineData("loyalty_card", IdentifierKind.LoyaltyCard)]
    [InlineData("EMAIL", IdentifierKind.Email)]
    public void Parse_KindName_IsTheApiName(string name, IdentifierKind kind)
    {
        Assert.Equal(kind, IdentifierKinds.Parse(name).Value);
    }

    [Fact]
    public void ContactIdentifiers_EveryKind_GivesTheFormTheMembersModuleStores()
    {
        Assert.Equal("601200000009", ContactIdentifiers.LoyaltyCard("6012 0000 0009"));
        Assert.Equal("601200000009", ContactIdentifiers.LoyaltyCard("6012-0000-0009"));
        Assert.Equal("+447700900123", ContactIdentifiers.Phone("447700900123"));
        Assert.Equal("ann@example.com", ContactIdentifiers.Email(" Ann@Example.com "));
        Assert.Equal("mem_0193a5c2e7b87c3a9f0e4b1d2c3a4b5c", ContactIdentifiers.MemberId(" MEM_0193A5C2E7B87C3A9F0E4B1D2C3A4B5C "));
        Assert.Null(ContactIdentifiers.MemberId("mem_ann"));
        Assert.Null(ContactIdentifiers.MemberId("u-0193a5c2e7b87c3a9f0e4b1d2c3a4b5c"));
    }
}
