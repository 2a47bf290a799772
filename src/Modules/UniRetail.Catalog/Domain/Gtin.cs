using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>
/// A GS1 Global Trade Item Number as printed under a barcode: GTIN-8, -12 (UPC-A), -13 (EAN) or -14, digits only,
/// the last one a valid mod-10 check digit. Two GTINs are equal when their 14-digit forms are, as GS1 defines it
/// (UPC-A <c>036000291452</c> and EAN-13 <c>0036000291452</c> are one item).
/// </summary>
internal readonly record struct Gtin
{
    private Gtin(string value) => Value = value;

    /// <summary>The digits as written.</summary>
    public string Value { get; }

    /// <summary>The GTIN-14 form, left-padded with zeros: the key GS1 recommends storing and matching on.</summary>
    public string Gtin14 => (Value ?? "").PadLeft(14, '0');

    public static Result<Gtin> Parse(string? value, string field = "gtin")
    {
        var digits = value?.Trim() ?? "";
        if (digits.Length is not (8 or 12 or 13 or 14) || !digits.All(char.IsAsciiDigit))
            return CatalogErrors.GtinMalformed(value, field);
        if (CheckDigit(digits[..^1]) != digits[^1] - '0')
            return CatalogErrors.GtinBadCheckDigit(digits, field);
        return new Gtin(digits);
    }

    /// <summary>The GS1 mod-10 check digit of <paramref name="payload"/> (the digits before the check digit).</summary>
    public static int CheckDigit(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var digit = payload[payload.Length - 1 - i] - '0';
            if (digit is < 0 or > 9)
                throw new ArgumentException($"'{payload}' is not all digits.", nameof(payload));
            // Weights alternate 3, 1, 3, ... from the digit next to the check digit leftwards.
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>Completes a 7, 11, 12 or 13 digit payload with its check digit (how the demo mints GTIN-13s).</summary>
    public static Gtin Complete(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length is not (7 or 11 or 12 or 13))
            throw new ArgumentException("A GTIN payload has 7, 11, 12 or 13 digits.", nameof(payload));
        return new Gtin(payload + (char)('0' + CheckDigit(payload)));
    }

    /// <summary>A GTIN read back from storage, where it was validated on the way in.</summary>
    public static Gtin FromStored(string value) => new(value);

    public bool Equals(Gtin other) => string.Equals(Gtin14, other.Gtin14, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Gtin14);

    public override string ToString() => Value ?? "";
}
