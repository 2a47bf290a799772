using System.Text;
using UniRetail.Data.Secrets;
using UniRetail.Kernel;
using UniRetail.Store.Domain;

namespace UniRetail.Store.MemberCodes;

/// <summary>
/// Signs and checks member codes with the server keyring (never in the database, rotated by <c>uniretail keys rotate</c>):
/// a key derived for this purpose alone, over the code's bytes and the tenant, so a code is good in its own tenant only and
/// a copy of the database cannot make one. A code names the key version it was signed with, so codes issued just before a
/// rotation still scan.
/// </summary>
internal sealed class MemberCodeSigner(ServerKeyring keyring)
{
    private const string Purpose = "store.member-code";

    public int CurrentVersion => keyring.Current;

    public string Sign(TenantId tenant, byte[] unsigned)
    {
        ArgumentNullException.ThrowIfNull(unsigned);
        return MemberCodeToken.Write(unsigned, keyring.Mac(MemberCodeToken.KeyVersionOf(unsigned), Purpose, Signed(tenant, unsigned))!);
    }

    /// <summary>What a code claims when this tenant's key signed it; null for anything else (forged, altered, another tenant's, garbage).</summary>
    public MemberCodeClaims? Verify(TenantId tenant, string? text)
    {
        if (MemberCodeToken.Read(text?.Trim()) is not { } read)
            return null;
        var expected = keyring.Mac(read.Claims.KeyVersion, Purpose, Signed(tenant, read.Signed));
        return expected is not null && MemberCodeToken.MacMatches(expected, read.Mac) ? read.Claims : null;
    }

    private static byte[] Signed(TenantId tenant, byte[] bytes) => [.. bytes, .. Encoding.UTF8.GetBytes(tenant.Value)];
}
