using System.Text;
using System.Text.Json;
using UniRetail.Marketing.Domain;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class JsonTextTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData("""{"q":"plain"}""")]
    [InlineData("""{"q":"café ☕ 😀"}""")]
    [InlineData("""{"q":"\uD83D\uDE00","r":"\ud83d\ude00"}""")]
    [InlineData("""{"q":"\u00e9\u0000\n\"\\"}""")]
    [InlineData("""{"q":"\\ud800"}""")]
    public void IsValid_UnicodeText_IsValid(string json) => Assert.True(JsonText.IsValid(Utf8(json)));

    [Theory]
    [InlineData("""{"q":"\udc00"}""")]
    [InlineData("""{"q":"\ud800"}""")]
    [InlineData("""{"q":"\ud800x"}""")]
    [InlineData("""{"q":"\ud800\u0041"}""")]
    [InlineData("""{"q":"\ud800\ud800\udc00"}""")]
    [InlineData("""{"q":"\\\udc00"}""")]
    [InlineData("""{"\uDFFF":1}""")]
    public void IsValid_HalfASurrogatePair_IsInvalid(string json) => Assert.False(JsonText.IsValid(Utf8(json)));

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public void IsValid_BytesThatAreNotUtf8_AreInvalid(byte[] bad) =>
        Assert.False(JsonText.IsValid([.. Utf8("""{"q":"a"""), .. bad, .. Utf8("""b"}""")]));

    [Fact]
    public void FindInvalid_NamesThePathOfTheBadStringNestedInArrays()
    {
        using var document = JsonDocument.Parse("""{"userId":"u","properties":{"items":[{"name":"ok"},{"name":"\udc00"}]}}""");

        Assert.Equal(("properties.items[1].name", false), JsonText.FindInvalid(document.RootElement));
    }

    [Fact]
    public void FindInvalid_ABadPropertyName_NamesTheObjectHoldingIt()
    {
        byte[] json = [.. "{\"traits\":{\"ok\":1,\""u8, 0xFF, .. "\":2}}"u8];
        using var document = JsonDocument.Parse(json);

        Assert.Equal(("traits", true), JsonText.FindInvalid(document.RootElement));
    }

    [Fact]
    public void FindInvalid_AllValid_IsNull()
    {
        using var document = JsonDocument.Parse("""{"q":["a",{"b":"\uD83D\uDE00"}],"n":1}""");

        Assert.Null(JsonText.FindInvalid(document.RootElement));
    }

    [Fact]
    public void ReadStored_UnpairedEscapesAndLoneSurrogates_ReadAsReplacementCharacters()
    {
        var element = JsonText.ReadStored("{\"q\":\"a\\udc00b\",\"\\ud800\":\"\\ud800\\ud83d\\ude00\",\"lone\":\"x\udc00y\"}");

        Assert.Equal("a\uFFFDb", element.GetProperty("q").GetString());
        Assert.Equal("\uFFFD😀", element.GetProperty("\uFFFD").GetString());
        Assert.Equal("x\uFFFDy", element.GetProperty("lone").GetString());
        Assert.Contains("\\uFFFD", JsonSerializer.Serialize(element), StringComparison.Ordinal);
    }

    [Fact]
    public void Repaired_ValidText_IsLeftAsItIs()
    {
        const string json = """{"q":"\\ud800 \uD83D\uDE00 \u00e9"}""";

        Assert.Equal(json, Encoding.UTF8.GetString(JsonText.Repaired(json)));
    }
}
