using System.Security.Cryptography;
using System.Text;
using UniRetail.Data.Secrets;
using UniRetail.Kernel;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Stitching;
using Xunit;

namespace UniRetail.Marketing.Tests;

public sealed class ErasureFingerprintsTests
{
    private static readonly TenantId Tenant = new("ten_camden");
    private static readonly Identifier Ann = new(IdentifierType.Email, "ann@example.com");
    private static readonly byte[] FirstKey = RandomNumberGenerator.GetBytes(32);

    private static ErasureFingerprints With(params (int Version, byte[] Key)[] keys) =>
        new(new ServerKeyring(keys.ToDictionary(k => k.Version, k => k.Key)));

    [Fact]
    public void For_IsKeyedAndVersioned_NotTheBareHashAnyoneCouldRecompute()
    {
        var fingerprint = With((1, FirstKey)).For(Tenant, Ann);

        Assert.StartsWith("v1:", fingerprint, StringComparison.Ordinal);
        var bare = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Tenant.Value}\nemail\nann@example.com")));
        Assert.DoesNotContain(bare, fingerprint, StringComparison.Ordinal);
        Assert.NotEqual(fingerprint, With((1, RandomNumberGenerator.GetBytes(32))).For(Tenant, Ann));
        Assert.NotEqual(fingerprint, With((1, FirstKey)).For(new TenantId("ten_brixton"), Ann));
    }

    [Fact]
    public void AnyIn_AfterARotation_StillMatchesWhatTheOlderKeyMade()
    {
        var before = With((1, FirstKey)).For(Tenant, Ann);
        var rotated = With((1, FirstKey), (2, RandomNumberGenerator.GetBytes(32)));

        Assert.StartsWith("v2:", rotated.For(Tenant, Ann), StringComparison.Ordinal);
        Assert.True(rotated.AnyIn(new HashSet<string> { before }, withLegacy: false, Tenant, Ann));
        Assert.False(rotated.AnyIn(new HashSet<string> { before }, withLegacy: false, Tenant, Ann with { Value = "bob@example.com" }));
    }

    [Fact]
    public void AnyIn_AnUnkeyedFingerprintFromBeforeKeying_StillSuppresses()
    {
        var legacy = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Tenant.Value}\nemail\nann@example.com")));

        Assert.True(ErasureFingerprints.IsLegacy(legacy));
        Assert.True(With((1, FirstKey)).AnyIn(new HashSet<string> { legacy }, withLegacy: true, Tenant, Ann));
    }
}
