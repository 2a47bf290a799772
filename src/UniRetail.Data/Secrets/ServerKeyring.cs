using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UniRetail.Data.Secrets;

/// <summary>
/// The server's secret keys, each with a version: the newest makes new fingerprints and seals new cursors; older ones
/// stay to match and open what was made with them (rotation adds a version, it never removes one while its fingerprints
/// exist). Keys never enter the database, so a copy of the database alone cannot reverse a fingerprint by brute force.
/// Every purpose derives its own key (HKDF), so a cursor key can never verify a fingerprint.
/// </summary>
public sealed class ServerKeyring
{
    private readonly SortedDictionary<int, byte[]> _keys;
    private readonly ConcurrentDictionary<(int Version, string Purpose), byte[]> _derived = new();

    public ServerKeyring(IReadOnlyDictionary<int, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
            throw new ArgumentException("A keyring holds at least one key.", nameof(keys));
        if (keys.Values.Any(k => k.Length < 32))
            throw new ArgumentException("Every key has at least 256 bits.", nameof(keys));
        _keys = new SortedDictionary<int, byte[]>(keys.ToDictionary(k => k.Key, k => k.Value.ToArray()));
    }

    /// <summary>The version new fingerprints and cursors use.</summary>
    public int Current => _keys.Keys.Last();

    public IReadOnlyCollection<int> Versions => _keys.Keys;

    /// <summary>A keyed one-way fingerprint (HMAC-SHA-256) under the current key, written <c>v{version}:{hex}</c>.</summary>
    public string Fingerprint(string purpose, string data) => Fingerprint(Current, purpose, data);

    /// <summary>The fingerprint of <paramref name="data"/> under every key: what to look for when any version may have made it.</summary>
    public IReadOnlyList<string> FingerprintsUnderEveryKey(string purpose, string data) => _keys.Keys.Select(v => Fingerprint(v, purpose, data)).ToList();

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> (AES-256-GCM) bound to <paramref name="context"/>: opaque, tamper-evident, URL-safe.</summary>
    public string Seal(string purpose, string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var version = Current;
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[1 + 12 + 16 + data.Length];
        sealedBytes[0] = checked((byte)version);
        var nonce = sealedBytes.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(Derive(version, "seal:" + purpose), 16))
            aes.Encrypt(nonce, data, sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(sealedBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>What <see cref="Seal"/> sealed for the same purpose and context, or null when the text was not made so (forged, altered, another tenant's).</summary>
    public string? Open(string purpose, string text, string context)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > 4096)
            return null;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length < 29 || !_keys.ContainsKey(bytes[0]))
            return null;
        var plaintext = new byte[length - 29];
        using var aes = new AesGcm(Derive(bytes[0], "seal:" + purpose), 16);
        try
        {
            aes.Decrypt(bytes.AsSpan(1, 12), bytes.AsSpan(29, length - 29), bytes.AsSpan(13, 16), plaintext, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            // AesGcm has no "try" form: a tag that does not match is how a forged or altered cursor shows itself.
            return null;
        }
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// An HMAC-SHA-256 of <paramref name="data"/> under key <paramref name="version"/>, derived for <paramref name="purpose"/> alone:
    /// for short signed tokens (a member code) that carry the version they were made with. Null when the keyring has no such version.
    /// </summary>
    public byte[]? Mac(int version, string purpose, ReadOnlySpan<byte> data) =>
        _keys.ContainsKey(version) ? HMACSHA256.HashData(Derive(version, "mac:" + purpose), data) : null;

    private string Fingerprint(int version, string purpose, string data) =>
        string.Create(CultureInfo.InvariantCulture, $"v{version}:{Convert.ToHexStringLower(HMACSHA256.HashData(Derive(version, "fingerprint:" + purpose), Encoding.UTF8.GetBytes(data)))}");

    private byte[] Derive(int version, string purpose) =>
        _derived.GetOrAdd((version, purpose), k => HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[k.Version], 32, info: Encoding.UTF8.GetBytes("uniretail/" + k.Purpose)));
}
