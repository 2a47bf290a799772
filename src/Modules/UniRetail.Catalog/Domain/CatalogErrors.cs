using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>Every error the catalog returns, each with a stable code.</summary>
internal static class CatalogErrors
{
    public static Error GtinMalformed(string? value, string field = "gtin") =>
        Error.Validation("catalog.gtin_malformed", $"'{value}' is not a GTIN: 8, 12, 13 or 14 digits.", field);

    public static Error GtinBadCheckDigit(string value, string field = "gtin") =>
        Error.Validation("catalog.gtin_bad_check_digit", $"'{value}' does not end in its GS1 check digit {Gtin.CheckDigit(value[..^1])}.", field);

    public static Error Required(string field) =>
        Error.Validation("catalog.required", $"'{field}' is required.", field);

    public static Error TooLong(string field, int maxLength) =>
        Error.Validation("catalog.too_long", $"'{field}' has at most {maxLength} characters.", field);

    public static Error ProductCodeMalformed(string field = "code") =>
        Error.Validation("catalog.product_code_malformed", "A product code has 1 to 64 printable characters.", field);

    public static Error CategoryMalformed(string? category, string field = "category") =>
        Error.Validation("catalog.category_malformed", $"'{category}' is not a category path like Home/Kitchen (at most 8 levels of 1 to 64 characters).", field);

    public static Error AttributeMalformed(string message, string field = "attributes") =>
        Error.Validation("catalog.attribute_malformed", message, field);

    public static Error NoSkus(string field = "skus") =>
        Error.Validation("catalog.no_skus", "A product has at least one SKU.", field);

    public static Error BadPrice(string? text, string field = "price") =>
        Error.Validation("catalog.bad_price", $"'{text}' is not a price like 2.55.", field);

    public static Error WrongCurrency(Currency given, Currency tenant, string field = "currency") =>
        Error.Validation("catalog.wrong_currency", $"Prices are in the tenant's currency {tenant}, not {given}.", field);

    public static Error OverrideTargetRequired(string field = "channel") =>
        Error.Validation("catalog.override_target", "An override names exactly one of 'channel' or 'locationId'.", field);

    public static Error UnknownTenant(TenantId tenant) =>
        Error.NotFound("catalog.unknown_tenant", $"No tenant '{tenant}'.");

    public static Error UnknownProduct(string id, string field = "id") =>
        Error.NotFound("catalog.unknown_product", $"No product '{id}' in this tenant.", field);

    public static Error UnknownSku(string sku, string field = "sku") =>
        Error.NotFound("catalog.unknown_sku", $"No SKU '{sku}' in this tenant.", field);

    public static Error UnknownGtin(string gtin, string field = "gtin") =>
        Error.NotFound("catalog.unknown_gtin", $"No SKU with GTIN '{gtin}' in this tenant.", field);

    public static Error UnknownLocation(string id, string field = "locationId") =>
        Error.NotFound("catalog.unknown_location", $"No location '{id}' in this tenant.", field);

    public static Error UnknownOverride(string sku, string target, string field = "sku") =>
        Error.NotFound("catalog.unknown_override", $"SKU '{sku}' has no price override for {target}.", field);

    public static Error DuplicateProductCode(string code, string field = "code") =>
        Error.Conflict("catalog.duplicate_product_code", $"A product with code '{code}' already exists.", field);

    public static Error DuplicateSku(string sku, string field = "sku") =>
        Error.Conflict("catalog.duplicate_sku", $"SKU '{sku}' already exists.", field);

    public static Error DuplicateGtin(string gtin, string field = "gtin") =>
        Error.Conflict("catalog.duplicate_gtin", $"GTIN '{gtin}' already belongs to another SKU.", field);

    public static Error GtinTakenMeanwhile() =>
        Error.Conflict("catalog.duplicate_gtin", "A GTIN in this file was given to another SKU while the import ran; nothing was imported.", "gtin");

    public static Error TooManySkus(int max) =>
        Error.Validation("catalog.too_many_skus", $"A product has at most {max} SKUs.", "skus");

    public static Error CsvEmpty() =>
        Error.Validation("catalog.csv_empty", "The file has no header row.", "row 1");

    public static Error CsvMissingColumn(string column) =>
        Error.Validation("catalog.csv_missing_column", $"The header has no '{column}' column.", $"row 1: {column}");

    public static Error CsvBadText(string field) =>
        Error.Validation("request.bad_text", "The cell holds the NUL character (U+0000), which PostgreSQL cannot store.", field);

    public static Error CsvMalformed(int row) =>
        Error.Validation("catalog.csv_malformed", "The row is not valid CSV (check its quotes).", $"row {row}");

    public static Error CsvTooLarge(int maxRows) =>
        Error.Validation("catalog.csv_too_large", $"A file imports at most {maxRows} SKUs; split it.", "file");

    public static Error CsvRepeated(string column, string value, int firstRow, string field) =>
        Error.Validation("catalog.csv_repeated", $"{column} '{value}' is already on row {firstRow}.", field);

    public static Error CsvInconsistentProduct(string code, string column, string field) =>
        Error.Validation("catalog.csv_inconsistent_product", $"Rows of product '{code}' disagree on {column}.", field);
}
