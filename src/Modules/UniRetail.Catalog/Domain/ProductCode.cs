using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>A product in the catalog.</summary>
internal readonly record struct ProductId(string Value)
{
    public static ProductId New() => new(NewId.With("prd"));

    public override string ToString() => Value;
}

/// <summary>The retailer's own code for a product (style, article number): 1–64 printable characters.</summary>
internal readonly record struct ProductCode
{
    private ProductCode(string value) => Value = value;

    public string Value { get; }

    public static Result<ProductCode> Parse(string? value, string field = "code")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return CatalogErrors.Required(field);
        if (trimmed.Length > 64 || trimmed.Any(char.IsControl))
            return CatalogErrors.ProductCodeMalformed(field);
        return new ProductCode(trimmed);
    }

    public static ProductCode FromStored(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>Where a product sits in the category tree, written <c>Home/Kitchen</c>; empty when uncategorised.</summary>
internal readonly record struct CategoryPath
{
    private const int MaxLevels = 8;
    private const int MaxLevelLength = 64;

    private CategoryPath(string value) => Value = value;

    public string Value { get; }

    public static Result<CategoryPath> Parse(string? value, string field = "category")
    {
        if (string.IsNullOrWhiteSpace(value))
            return new CategoryPath("");
        var levels = value.Split('/', StringSplitOptions.TrimEntries);
        if (levels.Length > MaxLevels || levels.Any(l => l.Length is 0 or > MaxLevelLength || l.Any(char.IsControl)))
            return CatalogErrors.CategoryMalformed(value, field);
        return new CategoryPath(string.Join('/', levels));
    }

    public static CategoryPath FromStored(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>Required or optional free text, trimmed, with a length limit.</summary>
internal static class CatalogText
{
    public static Result<string> Required(string? value, string field, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? CatalogErrors.Required(field) : Optional(value, field, maxLength);

    public static Result<string> Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length <= maxLength ? trimmed : CatalogErrors.TooLong(field, maxLength);
    }
}
