using System.Security.Cryptography;
using System.Text;

namespace UniRetail.Marketing.Identity;

/// <summary>One normalised identifier value of one type. Only <see cref="IdentifierNormaliser"/> makes them from raw input.</summary>
internal readonly record struct Identifier(IdentifierType Type, string Value)
{
    public string TypeName => IdentifierTypes.ToName(Type);

    public override string ToString() => $"{TypeName}:{Value}";

    /// <summary>
    /// A one-way fingerprint for the suppression list: salted by tenant so the same e-mail at two retailers gives two
    /// unrelated hashes, and holding no personal data itself.
    /// </summary>
    public string Fingerprint(string tenantId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{TypeName}\n{Value}")));
}
