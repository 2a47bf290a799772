using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>
/// Free-form facts about a product or SKU (<c>colour=red</c>, <c>size=M</c>), keys unique ignoring case. Keys hold no
/// <c>=</c> or <c>;</c> and values no <c>;</c>, so every map can also be written as a CSV cell <c>key=value;key=value</c>.
/// </summary>
internal sealed class AttributeMap
{
    private const int MaxEntries = 50;
    private const int MaxKeyLength = 64;
    private const int MaxValueLength = 500;
    private readonly SortedDictionary<string, string> _entries;

    private AttributeMap(SortedDictionary<string, string> entries) => _entries = entries;

    public static AttributeMap Empty { get; } = new(new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string> Entries => new ReadOnlyDictionary<string, string>(_entries);

    public static Result<AttributeMap> From(IReadOnlyDictionary<string, string>? map, string field = "attributes")
    {
        if (map is null || map.Count == 0)
            return Empty;
        if (map.Count > MaxEntries)
            return CatalogErrors.AttributeMalformed($"At most {MaxEntries} attributes.", field);
        var entries = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rawKey, rawValue) in map)
        {
            var key = rawKey?.Trim() ?? "";
            var value = rawValue?.Trim() ?? "";
            if (key.Length is 0 or > MaxKeyLength || key.IndexOfAny(['=', ';']) >= 0 || key.Any(char.IsControl))
                return CatalogErrors.AttributeMalformed($"'{rawKey}' is not an attribute name (1 to {MaxKeyLength} characters, no '=' or ';').", field);
            if (value.Length > MaxValueLength || value.Contains(';', StringComparison.Ordinal) || value.Any(char.IsControl))
                return CatalogErrors.AttributeMalformed($"The value of '{key}' has at most {MaxValueLength} characters and no ';'.", field);
            if (!entries.TryAdd(key, value))
                return CatalogErrors.AttributeMalformed($"Attribute '{key}' is given twice.", field);
        }
        return new AttributeMap(entries);
    }

    /// <summary>Parses the CSV form <c>key=value;key=value</c>.</summary>
    public static Result<AttributeMap> ParseCell(string? cell, string field = "attributes")
    {
        if (string.IsNullOrWhiteSpace(cell))
            return Empty;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return CatalogErrors.AttributeMalformed($"'{pair}' is not key=value.", field);
            pairs.Add(new(pair[..equals], pair[(equals + 1)..]));
        }
        if (pairs.Select(p => p.Key.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != pairs.Count)
            return CatalogErrors.AttributeMalformed("An attribute is given twice.", field);
        return From(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), field);
    }

    public string ToCell()
    {
        var cell = new StringBuilder();
        foreach (var (key, value) in _entries)
            cell.Append(cell.Length == 0 ? "" : ";").Append(key).Append('=').Append(value);
        return cell.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(_entries);

    public static AttributeMap FromJson(string json) =>
        new(new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.OrdinalIgnoreCase));
}
