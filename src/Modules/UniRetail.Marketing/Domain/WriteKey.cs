using System.Security.Cryptography;
using System.Text;

namespace UniRetail.Marketing.Domain;

/// <summary>
/// A source's write key as handed out once: <c>wk_{16 hex id}_{secret}</c>. The id finds the source; only the SHA-256
/// of the 256-bit random secret is stored, so a fast hash is enough and every request can afford the check.
/// </summary>
internal sealed record WriteKey(string KeyId, string Secret)
{
    private const int IdLength = 3 + 16;

    public string Token => $"{KeyId}_{Secret}";

    public string SecretHash => Hash(Secret);

    public static WriteKey New() =>
        new($"wk_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static WriteKey? TryParse(string? token)
    {
        if (token is null || token.Length <= IdLength + 1 || !token.StartsWith("wk_", StringComparison.Ordinal) || token[IdLength] != '_')
            return null;
        return new WriteKey(token[..IdLength], token[(IdLength + 1)..]);
    }

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
