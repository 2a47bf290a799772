namespace UniRetail.Kernel;

/// <summary>An ISO 4217 currency with the number of minor-unit digits it uses.</summary>
public sealed record Currency
{
    // The currencies a retailer in our markets prices in; extend here when a tenant needs another.
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["GBP"] = 2, ["EUR"] = 2, ["USD"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["AUD"] = 2,
        ["CAD"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["JPY"] = 0, ["KRW"] = 0,
    };

    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    /// <summary>The three-letter code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point (2 for GBP, 0 for JPY).</summary>
    public int Exponent { get; }

    /// <summary>Pound sterling.</summary>
    public static Currency Gbp { get; } = new("GBP", 2);

    /// <summary>Parses a supported ISO 4217 code.</summary>
    public static Result<Currency> Parse(string? code, string field = "currency")
    {
        var normalised = code?.Trim().ToUpperInvariant();
        return normalised is not null && MinorDigits.TryGetValue(normalised, out var digits)
            ? new Currency(normalised, digits)
            : Error.Validation("money.unknown_currency", $"'{code}' is not a supported ISO 4217 currency code.", field);
    }

    /// <summary>Parses a code known to be valid (stored data); throws otherwise.</summary>
    public static Currency FromStored(string code) =>
        Parse(code) is { IsSuccess: true } r ? r.Value : throw new ArgumentException($"Unknown stored currency '{code}'.", nameof(code));

    /// <inheritdoc />
    public override string ToString() => Code;
}
