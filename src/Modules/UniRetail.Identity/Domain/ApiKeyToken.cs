using System.Security.Cryptography;
using System.Text;

namespace UniRetail.Identity.Domain;

/// <summary>
/// An API key as handed to its holder once: <c>{keyId}.{secret}</c>. Only the SHA-256 of the secret is stored; the
/// secret is 256 random bits, so a fast hash is enough (no password stretching needed) and lookups stay cheap.
/// </summary>
internal sealed record ApiKeyToken(string KeyId, string Secret)
{
    public string Token => $"{KeyId}.{Secret}";

    public string SecretHash => Hash(Secret);

    public static ApiKeyToken New() =>
        new($"key_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static ApiKeyToken? TryParse(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 4 || dot == token.Length - 1 || !token.StartsWith("key_", StringComparison.Ordinal))
            return null;
        return new ApiKeyToken(token[..dot], token[(dot + 1)..]);
    }

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
