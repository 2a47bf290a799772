using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UniRetail.Data.Secrets;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Contracts;

/// <summary>
/// The code a customer shows to collect a parcel at a pickup point: eight digits derived from the order with a key of the
/// server keyring (HMAC-SHA-256, a purpose of its own). It is never stored: the order's answer derives it again (so a
/// replayed order answers the same code) and the point's handover checks the code by deriving it once more. A copy of the
/// database cannot make a code; the derivation uses the keyring's first key, so a key rotation never changes a code
/// already given out.
/// </summary>
public sealed class HandoverCodes(ServerKeyring keyring)
{
    private const string Purpose = "fulfillment.handover-code";
    public const int Digits = 8;

    /// <summary>The code for an order of the tenant.</summary>
    public string For(TenantId tenant, OrderId order)
    {
        var mac = keyring.Mac(keyring.Versions.Min(), Purpose, Encoding.UTF8.GetBytes($"{tenant.Value}\n{order.Value}"))
                  ?? throw new InvalidOperationException("The keyring has lost its first key.");
        var number = BinaryPrimitives.ReadUInt64BigEndian(mac) % 100_000_000UL;
        return number.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="given"/> (spaces and dashes ignored) is the order's code; compared in constant time.</summary>
    public bool Matches(TenantId tenant, OrderId order, string? given)
    {
        var typed = new string((given ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (typed.Length != Digits)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(For(tenant, order)));
    }
}
