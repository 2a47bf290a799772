using System.Globalization;
using CsvHelper;
using UniRetail.Catalog.Domain;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Import;

internal sealed record ImportedProduct(ProductCode Code, string Name, CategoryPath Category, int Row);

internal sealed record ImportedSku(ProductCode Product, Sku Code, Gtin? Gtin, string Name, AttributeMap Attributes, Money Price, int Row);

/// <summary>A whole catalog file, every row valid: its products (once each) and its SKUs.</summary>
internal sealed record CatalogImportPlan(IReadOnlyList<ImportedProduct> Products, IReadOnlyList<ImportedSku> Skus);

/// <summary>
/// Reads <c>product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes</c> (header names in any
/// order and case; gtin, sku_name, currency and attributes may be left out). Rows are numbered as a spreadsheet shows
/// them (the line where the row starts, the header being row 1); an error names the row and the column, e.g. <c>row 17: gtin</c>.
/// </summary>
internal static class CatalogCsv
{
    public const int MaxRows = 100_000;
    private static readonly string[] RequiredColumns = ["product_code", "product_name", "category", "sku", "price"];
    private static readonly string[] ReadColumns = ["product_code", "product_name", "category", "sku", "gtin", "sku_name", "price", "currency", "attributes"];

    public static async Task<Result<CatalogImportPlan>> ReadAsync(Stream csv, Currency tenantCurrency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long? malformedLine = null;
        // The separator is fixed: detection could pick ';', which the attributes column uses inside its cells.
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformedLine ??= record.LineNumber,
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        if (malformedLine is { } badHeader)
            return CatalogErrors.CsvMalformed((int)badHeader);
        if (reader.Headers.Count == 0)
            return CatalogErrors.CsvEmpty();
        var columns = reader.Headers.Select((name, index) => (Name: name.Trim().ToLowerInvariant(), Index: index))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        if (RequiredColumns.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
            return CatalogErrors.CsvMissingColumn(missing);

        var plan = new PlanBuilder(tenantCurrency);
        while (await reader.ReadAsync(ct))
        {
            if (malformedLine is { } badLine)
                return CatalogErrors.CsvMalformed((int)badLine);
            if (plan.SkuCount >= MaxRows)
                return CatalogErrors.CsvTooLarge(MaxRows);
            var added = plan.Add((int)reader.LineNumber, name => columns.TryGetValue(name, out var i) && i < reader.FieldCount ? reader.GetString(i) : null);
            if (!added.IsSuccess)
                return added.Error;
        }
        return malformedLine is { } lastLine ? CatalogErrors.CsvMalformed((int)lastLine) : plan.Build();
    }

    private sealed class PlanBuilder(Currency tenantCurrency)
    {
        private readonly Dictionary<ProductCode, ImportedProduct> _products = [];
        private readonly List<ImportedSku> _skus = [];
        private readonly Dictionary<Sku, int> _skuRows = [];
        private readonly Dictionary<Gtin, int> _gtinRows = [];

        public int SkuCount => _skus.Count;

        public Result<Unit> Add(int row, Func<string, string?> cell)
        {
            string Field(string column) => $"row {row}: {column}";
            // A cell with NUL would fail in PostgreSQL's driver, not as the row's problem; neither engine stores it.
            if (ReadColumns.FirstOrDefault(c => cell(c)?.Contains('\0', StringComparison.Ordinal) == true) is { } withNul)
                return CatalogErrors.CsvBadText(Field(withNul));
            var code = ProductCode.Parse(cell("product_code"), Field("product_code"));
            if (!code.IsSuccess)
                return code.Error;
            var productName = CatalogText.Required(cell("product_name"), Field("product_name"));
            if (!productName.IsSuccess)
                return productName.Error;
            var category = CategoryPath.Parse(cell("category"), Field("category"));
            if (!category.IsSuccess)
                return category.Error;
            var sku = Sku.Parse(cell("sku"), Field("sku"));
            if (!sku.IsSuccess)
                return sku.Error;
            Gtin? gtin = null;
            if (!string.IsNullOrWhiteSpace(cell("gtin")))
            {
                var parsed = Gtin.Parse(cell("gtin"), Field("gtin"));
                if (!parsed.IsSuccess)
                    return parsed.Error;
                gtin = parsed.Value;
            }
            var skuName = CatalogText.Optional(cell("sku_name"), Field("sku_name"), 200);
            if (!skuName.IsSuccess)
                return skuName.Error;
            var priceText = cell("price")?.Trim();
            decimal? amount = null;
            if (!string.IsNullOrEmpty(priceText))
            {
                if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedAmount))
                    return CatalogErrors.BadPrice(priceText, Field("price"));
                amount = parsedAmount;
            }
            var price = CatalogPrice.Parse(amount, cell("currency"), tenantCurrency, Field("price"), Field("currency"));
            if (!price.IsSuccess)
                return price.Error;
            var attributes = AttributeMap.ParseCell(cell("attributes"), Field("attributes"));
            if (!attributes.IsSuccess)
                return attributes.Error;

            if (!_skuRows.TryAdd(sku.Value, row))
                return CatalogErrors.CsvRepeated("SKU", sku.Value.Value, _skuRows[sku.Value], Field("sku"));
            if (gtin is { } g && !_gtinRows.TryAdd(g, row))
                return CatalogErrors.CsvRepeated("GTIN", g.Value, _gtinRows[g], Field("gtin"));
            if (_products.TryGetValue(code.Value, out var product))
            {
                if (product.Name != productName.Value)
                    return CatalogErrors.CsvInconsistentProduct(code.Value.Value, "product_name", Field("product_name"));
                if (product.Category != category.Value)
                    return CatalogErrors.CsvInconsistentProduct(code.Value.Value, "category", Field("category"));
            }
            else
            {
                _products.Add(code.Value, new ImportedProduct(code.Value, productName.Value, category.Value, row));
            }
            var name = skuName.Value.Length > 0 ? skuName.Value : productName.Value;
            _skus.Add(new ImportedSku(code.Value, sku.Value, gtin, name, attributes.Value, price.Value, row));
            return Unit.Value;
        }

        public CatalogImportPlan Build() => new(_products.Values.ToList(), _skus);
    }
}
