using System.Buffers.Binary;
using System.Security.Cryptography;

namespace UniRetail.Store.Domain;

/// <summary>
/// What a member code says, before its signature: the key version that signs it, whether it carries the wallet as payment,
/// when it expires (whole seconds) and its id (random, the row that makes it single use).
/// </summary>
internal sealed record MemberCodeClaims(int KeyVersion, bool Wallet, DateTimeOffset ExpiresAt, string CodeId);

/// <summary>
/// The text of a member code: 25 bytes in unpadded RFC 4648 base32 (40 characters of A–Z and 2–7, which a QR code holds in
/// its compact alphanumeric mode and Code 128 in any scanner): format 1, key version, flags, expiry (uint32 seconds), 8
/// random id bytes, then the first 10 bytes of an HMAC-SHA-256 over the first 15 bytes and the tenant. 80 bits of MAC: a
/// forger has to be lucky once in 2^80 per try, and every try is one HTTP request at a till.
/// </summary>
internal static class MemberCodeToken
{
    public const int Length = 40;
    private const byte Format = 1;
    private const int SignedBytes = 15;
    private const int MacBytes = 10;
    private const int TotalBytes = SignedBytes + MacBytes;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new code's bytes before signing, with a fresh random id.</summary>
    public static byte[] Unsigned(int keyVersion, bool wallet, DateTimeOffset expiresAt)
    {
        var bytes = new byte[SignedBytes];
        bytes[0] = Format;
        bytes[1] = checked((byte)keyVersion);
        bytes[2] = wallet ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(3, 4), checked((uint)expiresAt.ToUnixTimeSeconds()));
        RandomNumberGenerator.Fill(bytes.AsSpan(7, 8));
        return bytes;
    }

    public static int KeyVersionOf(byte[] unsigned) => unsigned[1];

    /// <summary>The code's text: the signed bytes and the first bytes of <paramref name="mac"/>.</summary>
    public static string Write(byte[] signed, byte[] mac)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(mac);
        var all = new byte[TotalBytes];
        signed.CopyTo(all, 0);
        mac.AsSpan(0, MacBytes).CopyTo(all.AsSpan(SignedBytes));
        return ToBase32(all);
    }

    /// <summary>The claims and the signed bytes and MAC of a code's text, or null when it is not a member code at all.</summary>
    public static (MemberCodeClaims Claims, byte[] Signed, byte[] Mac)? Read(string? text)
    {
        if (text is null || text.Length != Length)
            return null;
        var all = FromBase32(text.ToUpperInvariant());
        if (all is null || all[0] != Format)
            return null;
        var claims = new MemberCodeClaims(
            all[1],
            (all[2] & 1) == 1,
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(all.AsSpan(3, 4))),
            Convert.ToHexStringLower(all, 7, 8));
        return (claims, all[..SignedBytes], all[SignedBytes..]);
    }

    /// <summary>True when the first bytes of <paramref name="expected"/> equal <paramref name="mac"/>, in constant time.</summary>
    public static bool MacMatches(byte[] expected, byte[] mac) =>
        CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, MacBytes), mac);

    private static string ToBase32(byte[] bytes)
    {
        var chars = new char[Length];
        int buffer = 0, bits = 0, at = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[at++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        return new string(chars, 0, at);
    }

    private static byte[]? FromBase32(string text)
    {
        var bytes = new byte[TotalBytes];
        int buffer = 0, bits = 0, at = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[at++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return at == TotalBytes ? bytes : null;
    }
}
