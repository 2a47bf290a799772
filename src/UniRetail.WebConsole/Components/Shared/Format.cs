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

/// <summary>The names the API takes for filters, for the console's pick lists.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Statuses =
        Enum.GetValues<UniRetail.Orders.Contracts.OrderStatus>().Select(UniRetail.Orders.Contracts.OrderStatuses.ToName).ToList();

    public static readonly IReadOnlyList<string> Channels = Enum.GetValues<SalesChannel>().Select(SalesChannels.ToName).ToList();

    public static readonly IReadOnlyList<string> Fulfilments =
        Enum.GetValues<UniRetail.Fulfillment.Contracts.FulfilmentType>().Select(UniRetail.Fulfillment.Contracts.FulfilmentTypes.ToName).ToList();
}
