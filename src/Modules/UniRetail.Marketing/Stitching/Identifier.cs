using System.Security.Cryptography;
using System.Text;
using UniRetail.Kernel;

namespace UniRetail.Marketing.Stitching;

/// <summary>One normalised identifier value of one type. Only <see cref="IdentifierNormaliser"/> makes them from raw input.</summary>
internal readonly record struct Identifier(IdentifierType Type, string Value)
{
    public string TypeName => IdentifierTypes.ToName(Type);

    public override string ToString() => $"{TypeName}:{Value}";

    /// <summary>
    /// A one-way fingerprint for the suppression list: salted by tenant so the same e-mail at two retailers gives two
    /// unrelated hashes, and holding no personal data itself.
    /// </summary>
    public string Fingerprint(TenantId tenant) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant.Value}\n{TypeName}\n{Value}")));
}
