using System.Security.Cryptography;
using System.Text;
using UniRetail.Data.Secrets;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>
/// What stays of an erased identifier: a keyed fingerprint, HMAC-SHA-256 under the server keyring's current key of
/// tenant, type and value (<c>v2:…</c>). Without the keyring — which never enters the database — a copy of the
/// suppression list cannot be searched for a known e-mail or phone by brute force. Fingerprints made before keying
/// (plain SHA-256, no version prefix) and under older key versions still match, so a rotation or an upgrade never lets
/// an erased person's events back in.
/// </summary>
internal sealed class ErasureFingerprints(ServerKeyring keyring)
{
    private const string Purpose = "erasure";

    /// <summary>The fingerprint an erasure stores now.</summary>
    public string For(TenantId tenant, Identifier identifier) => keyring.Fingerprint(Purpose, Data(tenant, identifier));

    /// <summary>Whether <paramref name="fingerprints"/> hold the identifier under any key version, or as a legacy unkeyed hash.</summary>
    public bool AnyIn(IReadOnlySet<string> fingerprints, bool withLegacy, TenantId tenant, Identifier identifier)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        var data = Data(tenant, identifier);
        foreach (var candidate in keyring.FingerprintsUnderEveryKey(Purpose, data))
        {
            if (fingerprints.Contains(candidate))
                return true;
        }
        return withLegacy && fingerprints.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data))));
    }

    /// <summary>True for a fingerprint made before keying (no <c>v{n}:</c> prefix).</summary>
    public static bool IsLegacy(string fingerprint) => !fingerprint.StartsWith('v');

    private static string Data(TenantId tenant, Identifier identifier) => $"{tenant.Value}\n{identifier.TypeName}\n{identifier.Value}";
}
