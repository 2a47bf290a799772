using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.WebConsole.Components.Shared;

/// <summary>How the console writes values: money with its currency, days as ISO dates.</summary>
internal static class Format
{
    public static string Money(MoneyView money) => string.Create(CultureInfo.InvariantCulture, $"{money.Amount:N2} {money.Currency}");

    public static string Money(Money money) => string.Create(CultureInfo.InvariantCulture, $"{money.Amount:N2} {money.Currency.Code}");

    /// <summary>A day typed into a date input (yyyy-MM-dd); empty is none.</summary>
    public static Result<DateOnly?> Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (DateOnly?)null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Error.Validation("console.bad_date", $"'{text}' is not a day (yyyy-MM-dd).", field);
    }

    /// <summary>An instant typed into a form as UTC (yyyy-MM-dd HH:mm, or a day for its midnight); empty is none.</summary>
    public static Result<DateTimeOffset?> Instant(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (DateTimeOffset?)null;
        return DateTime.TryParseExact(text.Trim(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : Error.Validation("console.bad_instant", $"'{text}' is not a UTC time (yyyy-MM-dd HH:mm).", field);
    }

    private static readonly string[] InstantFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];

    /// <summary>An instant as the console writes it: UTC, to the minute.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An optional whole number typed into a form: empty is none.</summary>
    public static Result<int?> OptionalWhole(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? (int?)null : Whole(text, field).Map(v => (int?)v);

    /// <summary>An optional amount typed into a form: empty is none.</summary>
    public static Result<decimal?> OptionalAmount(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? (decimal?)null : Amount(text, field).Map(v => (decimal?)v);

    /// <summary>A comma-separated list typed into a form, trimmed; empty is none (null).</summary>
    public static string[]? List(string? text)
    {
        var items = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Length == 0 ? null : items;
    }

    /// <summary>A whole number typed into a form; the field is named as the API names it.</summary>
    public static Result<int> Whole(string? text, string field)
    {
        return int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : Error.Validation("console.bad_number", $"'{text}' is not a whole number.", field);
    }

    /// <summary>An amount of money typed into a form (a dot for the decimals); the field is named as the API names it.</summary>
    public static Result<decimal> Amount(string? text, string field)
    {
        return decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : Error.Validation("console.bad_amount", $"'{text}' is not an amount (for example 12.50).", field);
    }
}

/// <summary>
/// How the API names fields: a part of a field is written after a dot or in brackets (<c>rule.skus[2]</c>, <c>float.amount</c>).
/// A parent written <c>lines[]</c> stands for any element of <c>lines</c> and what is under it, not for <c>lines</c> itself.
/// </summary>
internal static class FieldPath
{
    public static bool IsUnder(string field, string parent) =>
        parent.EndsWith("[]", StringComparison.Ordinal)
            ? field.StartsWith(parent[..^1], StringComparison.Ordinal)
            : field == parent || (field.StartsWith(parent, StringComparison.Ordinal) && field[parent.Length] is '.' or '[');
}

/// <summary>The names the API takes for filters, for the console's pick lists.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Statuses =
        Enum.GetValues<UniRetail.Orders.Contracts.OrderStatus>().Select(UniRetail.Orders.Contracts.OrderStatuses.ToName).ToList();

    public static readonly IReadOnlyList<string> Channels = Enum.GetValues<SalesChannel>().Select(SalesChannels.ToName).ToList();

    public static readonly IReadOnlyList<string> Fulfilments =
        Enum.GetValues<UniRetail.Fulfillment.Contracts.FulfilmentType>().Select(UniRetail.Fulfillment.Contracts.FulfilmentTypes.ToName).ToList();
}
