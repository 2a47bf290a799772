using UniRetail.Kernel;

namespace UniRetail.Network.Domain;

internal static class NetworkErrors
{
    public static Error BadServiceLevel(string field) =>
        Error.Validation("network.bad_service_level", "A service level is between 0.5 and 0.999 (e.g. 0.95 for 95%).", field);

    public static Error BadDays(string field, int min) =>
        Error.Validation("network.bad_days", $"'{field}' is a whole number of days from {min} to 90.", field);

    public static Error BadCasePack(string field) =>
        Error.Validation("network.bad_case_pack", "A case pack holds 1 to 10,000 units.", field);

    public static Error BadMinimumOrder(string field) =>
        Error.Validation("network.bad_minimum_order", "A minimum order is 0 to 100,000 units.", field);

    public static Error BadHorizon(string field) =>
        Error.Validation("network.bad_horizon", "A horizon is 1 to 366 days.", field);

    public static Error SalesFileMissingColumn(string column) =>
        Error.Validation("network.sales_file_missing_column", $"line 1: the header has no '{column}' column (columns: date,store,sku,units).", column);

    public static Error SalesFileEmpty() =>
        Error.Validation("network.sales_file_empty", "line 1: the file has no header (columns: date,store,sku,units).", "file");

    public static Error SalesFileBadDate(long line, string? value) =>
        Error.Validation("network.sales_file_bad_date", $"line {line}: '{value}' is not a date (write yyyy-MM-dd).", "date");

    public static Error SalesFileBadUnits(long line, string? value) =>
        Error.Validation("network.sales_file_bad_units", $"line {line}: '{value}' is not a whole number of units from 0 to 100,000.", "units");

    public static Error SalesFileShortRow(long line, int fields) =>
        Error.Validation("network.sales_file_short_row", $"line {line}: {fields} fields, fewer than the header's columns.", "file");

    public static Error SalesFileBadKey(long line, string column) =>
        Error.Validation("network.sales_file_bad_key", $"line {line}: '{column}' is empty or longer than 64 characters.", column);

    public static Error SalesFileTooLong(long line, int maxDays) =>
        Error.Validation("network.sales_file_too_long", $"line {line}: the file spans more than {maxDays:N0} days.", "date");

    public static Error SalesFileTooShort(int days, int needed) =>
        Error.Validation("network.sales_file_too_short", $"The file spans {days} days; a backtest needs at least {needed} (28 to fit, the horizon to hold out).", "horizon");

    public static Error Required(string field) =>
        Error.Validation("network.required", $"'{field}' is required.", field);

    public static Error UnknownLocation(LocationId location, string field) =>
        Error.NotFound("network.unknown_location", $"No location '{location.Value}' in this tenant.", field);

    public static Error BadOnOrder(string field) =>
        Error.Validation("network.bad_on_order", "Units on order are 0 to 100,000.", field);

    public static Error BadSalesLines(string field, int max) =>
        Error.Validation("network.bad_sales_lines", $"Send 1 to {max:N0} days of sales at a time.", field);

    public static Error BadDate(string? value, string field) =>
        Error.Validation("network.bad_date", $"'{value}' is not a date (write yyyy-MM-dd).", field);

    public static Error BadUnits(string field) =>
        Error.Validation("network.bad_units", "Units sold are a whole number from 0 to 100,000.", field);

    public static Error DuplicateSalesDay(Sku sku, DateOnly date, string field) =>
        Error.Validation("network.duplicate_sales_day", $"{sku} on {date:yyyy-MM-dd} is listed twice.", field);
}
