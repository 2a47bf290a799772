namespace UniRetail.Kernel;

/// <summary>A stock-keeping unit code, as the retailer writes it (e.g. <c>85123A</c>): 1–64 printable characters, no spaces at the ends.</summary>
public readonly record struct Sku
{
    private Sku(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Parses a SKU code.</summary>
    public static Result<Sku> Parse(string? value, string field = "sku")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return Error.Validation("catalog.sku_required", "A SKU code is required.", field);
        if (trimmed.Length > 64 || trimmed.Any(char.IsControl))
            return Error.Validation("catalog.sku_malformed", "A SKU code has 1 to 64 printable characters.", field);
        return new Sku(trimmed);
    }

    /// <summary>A SKU read back from storage, where it was validated on the way in.</summary>
    public static Sku FromStored(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A whole, strictly positive number of units, at most <see cref="Max"/>.</summary>
public readonly record struct Quantity
{
    /// <summary>
    /// The most units one line may name (an order line, a receipt line, a hold, a transfer, an adjustment): far beyond
    /// any real line, and small enough that a line's value in minor units (see <see cref="Money.MaxMinorUnits"/>) and a
    /// stock level's sum stay exact.
    /// </summary>
    public const int Max = 100_000;

    private Quantity(int value) => Value = value;

    /// <summary>The number of units.</summary>
    public int Value { get; }

    /// <summary>Parses a quantity, which must be at least 1 and at most <see cref="Max"/>.</summary>
    public static Result<Quantity> Of(int value, string field = "quantity") => value switch
    {
        < 1 => Error.Validation("quantity.not_positive", "A quantity must be a whole number of at least 1.", field),
        > Max => Error.Validation("quantity.too_large", $"A quantity is at most {Max:N0}.", field),
        _ => new Quantity(value),
    };

    /// <summary>A quantity read back from storage.</summary>
    public static Quantity FromStored(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
