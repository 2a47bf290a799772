using UniRetail.Marketing.Domain;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class WriteKeyTests
{
    [Fact]
    public void TryParse_ANewKeysToken_FindsItsIdAndMatchesItsHash()
    {
        var key = WriteKey.New();

        var parsed = WriteKey.TryParse(key.Token);

        Assert.Equal(key.KeyId, parsed!.KeyId);
        Assert.True(parsed.Matches(key.SecretHash));
    }

    [Fact]
    public void Matches_AnotherKeysSecretUnderTheSameId_IsFalse()
    {
        var key = WriteKey.New();
        var forged = WriteKey.TryParse($"{key.KeyId}_{WriteKey.New().Secret}");

        Assert.False(forged!.Matches(key.SecretHash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key_0123456789abcdef.secret")]
    [InlineData("wk_0123456789abcdef")]
    [InlineData("wk_0123456789abcdef_")]
    public void TryParse_NotAWriteKey_IsNull(string? token) => Assert.Null(WriteKey.TryParse(token));
}
