using UniRetail.Kernel;

namespace UniRetail.Network.Domain;

internal static class NetworkErrors
{
    public static Error CustomersNotShared(string agreementId) =>
        Error.Conflict("network.customers_not_shared", $"The agreement {agreementId} does not share the shop's customers (the shop agrees to it in its terms).", "agreementId");

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

    public static Error BadDeliveryDay(string? value, string field) =>
        Error.Validation("network.bad_delivery_day", $"'{value}' is not a day of the week (monday … sunday).", field);

    public static Error BadCommission(string field) =>
        Error.Validation("network.bad_commission", "A commission rate is 0 to 0.5 (e.g. 0.02 for 2%), three decimals at most.", field);

    public static Error BadName(string field) =>
        Error.Validation("network.bad_name", "A name has 1 to 200 characters.", field);

    public static Error UnknownRep(string? rep, string field) =>
        Error.NotFound("network.unknown_rep", $"No representative '{rep}' on this platform.", field);

    public static Error NotAWarehouse(string? location, string field) =>
        Error.Validation("network.not_a_warehouse", $"'{location}' is not a warehouse of this platform.", field);

    public static Error NotAShop() =>
        Error.Conflict("network.not_a_shop", "This tenant is not a shop on a platform (a platform signs shops up).");

    public static Error AlreadyOnAPlatform() =>
        Error.Conflict("network.already_on_a_platform", "This shop is on a platform already; it leaves that one first.", "shop");

    public static Error OwnPlatform() =>
        Error.Validation("network.own_platform", "A tenant cannot be a shop on its own platform.", "shop");

    public static Error UnknownShop(string? shop, string field = "shopId") =>
        Error.NotFound("network.unknown_shop", $"No shop '{shop}' on this platform.", field);

    public static Error BadPeriod(string field) =>
        Error.Validation("network.bad_period", "A period is 'from' and 'to' dates (yyyy-MM-dd), from before to, at most 366 days.", field);

    public static Error BadPrice(string field) =>
        Error.Validation("network.bad_price", "A wholesale price is more than zero.", field);

    public static Error BadTiers(string field, string message) =>
        Error.Validation("network.bad_tiers", message, field);

    public static Error BadMinimumCases(string field) =>
        Error.Validation("network.bad_minimum_cases", "A minimum order is 1 to 10,000 cases.", field);

    public static Error BadUnitsPerCase(string field) =>
        Error.Validation("network.bad_units_per_case", "A case becomes 1 to 100,000 of the shop's units.", field);

    public static Error UnknownSku(string sku, string field) =>
        Error.NotFound("network.unknown_sku", $"The platform's catalog has no SKU '{sku}': add the product first.", field);

    public static Error UnknownWholesaleSku(string sku, string field) =>
        Error.NotFound("network.unknown_wholesale_sku", $"The platform's wholesale catalog has no '{sku}'.", field);

    public static Error BadOrderLines(int max) =>
        Error.Validation("network.bad_order_lines", $"An order has 1 to {max} lines, or none with fromSuggestion.", "lines");

    public static Error LinesOrSuggestion() =>
        Error.Validation("network.lines_or_suggestion", "Send lines, or fromSuggestion: true, not both.", "fromSuggestion");

    public static Error NothingToOrder() =>
        Error.Validation("network.nothing_to_order", "The suggested order has nothing the platform sells: no line to order.", "fromSuggestion");

    public static Error DuplicateLine(string sku, string field) =>
        Error.Validation("network.duplicate_line", $"{sku} is on two lines; put its units on one.", field);

    public static Error BadOrderUnits(string field) =>
        Error.Validation("network.bad_units", "Units are a whole number from 1 to 100,000.", field);

    public static Error OffCasePack(string sku, int casePack, string field) =>
        Error.Validation("network.off_case_pack", $"{sku} comes in cases of {casePack}: order a multiple of {casePack} units.", field);

    public static Error BelowMinimum(string sku, int minimumCases, int casePack, string field) =>
        Error.Validation("network.below_minimum", $"{sku} is ordered {minimumCases} cases ({minimumCases * casePack} units) or more.", field);

    public static Error BadIdempotencyKey() =>
        Error.Validation("network.bad_idempotency_key", "An Idempotency-Key has 1 to 200 printable characters.", "Idempotency-Key");

    public static Error IdempotencyKeyReused() =>
        Error.Conflict("network.idempotency_key_reused", "This Idempotency-Key was used for a different order request.", "Idempotency-Key");

    public static Error UnknownShopOrder(string? id) =>
        Error.NotFound("network.unknown_shop_order", $"No shop order '{id}' in this tenant.", "id");

    public static Error AlreadyReceived(string id) =>
        Error.Conflict("network.already_received", $"Shop order {id} was received already.", "id");

    public static Error UnknownOrderLine(int? lineNo, string field) =>
        Error.Validation("network.unknown_line", $"The order has no line {lineNo}.", field);

    public static Error BadReceivedUnits(string field) =>
        Error.Validation("network.bad_received_units", "Received and damaged units are whole numbers from 0 to 100,000.", field);

    public static Error MoreThanDelivered(int lineNo, int delivered, string field) =>
        Error.Validation("network.more_than_delivered", $"Line {lineNo} delivered {delivered} units; received and damaged together cannot be more.", field);

    public static Error ShopLeft(string agreement) =>
        Error.Conflict("network.shop_left", $"The shop of agreement {agreement} left the platform: its data is its own from then on.", "agreementId");

    public static Error UnknownShopLocation(string? location, string field) =>
        Error.NotFound("network.unknown_shop_location", $"The shop has no store '{location}'.", field);
}
