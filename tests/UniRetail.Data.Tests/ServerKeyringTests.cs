using System.Security.Cryptography;
using UniRetail.Data.Secrets;
using Xunit;

namespace UniRetail.Data.Tests;

public sealed class ServerKeyringTests
{
    private static ServerKeyring AKeyring(params int[] versions) => new(versions.ToDictionary(v => v, _ => RandomNumberGenerator.GetBytes(32)));

    [Fact]
    public void Seal_ThenOpen_InTheSameContext_GivesThePlaintextBack()
    {
        var keyring = AKeyring(1);

        var cursor = keyring.Seal("cursor", "ord_0193\nMUG-1", "ten_a\norders");

        Assert.Equal("ord_0193\nMUG-1", keyring.Open("cursor", cursor, "ten_a\norders"));
        Assert.DoesNotContain("ord", cursor, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
    }

    [Fact]
    public void Open_AnotherContextPurposeOrKey_OrATamperedText_IsNull()
    {
        var keyring = AKeyring(1);
        var cursor = keyring.Seal("cursor", "42", "ten_a\norders");
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];

        Assert.Null(keyring.Open("cursor", cursor, "ten_b\norders"));
        Assert.Null(keyring.Open("cursor", cursor, "ten_a\nlocations"));
        Assert.Null(keyring.Open("other", cursor, "ten_a\norders"));
        Assert.Null(AKeyring(1).Open("cursor", cursor, "ten_a\norders"));
        Assert.Null(keyring.Open("cursor", tampered, "ten_a\norders"));
        Assert.Null(keyring.Open("cursor", "not a cursor!", "ten_a\norders"));
        Assert.Null(keyring.Open("cursor", "", "ten_a\norders"));
    }

    [Fact]
    public void Rotate_KeepsOpeningWhatTheOlderVersionSealed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uniretail-{Guid.NewGuid():N}.keys");
        try
        {
            var before = KeyringFile.LoadOrCreate(path);
            var sealedBefore = before.Seal("cursor", "7", "t");

            Assert.Equal(2, KeyringFile.Rotate(path));
            var after = KeyringFile.LoadOrCreate(path);

            Assert.Equal(2, after.Current);
            Assert.Equal("7", after.Open("cursor", sealedBefore, "t"));
            Assert.Equal(before.Fingerprint("erasure", "x").Split(':')[1], after.FingerprintsUnderEveryKey("erasure", "x")[0].Split(':')[1]);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
