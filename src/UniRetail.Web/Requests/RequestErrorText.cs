using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using UniRetail.Kernel;

namespace UniRetail.Web.Requests;

/// <summary>
/// Says what was wrong with a request the framework could not bind, in API terms: the field (as a JSON path such as
/// <c>lines[0].quantity</c>, or a query parameter) and the kind of value expected (a whole number, an array), never the
/// .NET type it was meant to become.
/// </summary>
public static partial class RequestErrorText
{
    /// <summary>
    /// The error for a request that failed to bind, with the status the framework chose (400, 413, 415).
    /// <paramref name="bodyType"/> is the endpoint's JSON body type, when it has one.
    /// </summary>
    public static (Error Error, int Status) From(BadHttpRequestException exception, Type? bodyType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
            return (Error.Validation(RequestErrors.TooLarge, "The request body is larger than this endpoint accepts.", "body"), status);
        if (status == StatusCodes.Status415UnsupportedMediaType)
            return (Error.Validation(RequestErrors.UnsupportedMediaType, "This endpoint takes a JSON body: send Content-Type: application/json.", "body"), status);
        if (exception.InnerException is JsonException json)
            return (FromJson(json, bodyType), StatusCodes.Status400BadRequest);
        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return (Error.Validation(RequestErrors.Malformed, $"'{name}' must be {Expected(bind.Groups["type"].Value)}.", name), StatusCodes.Status400BadRequest);
        }
        if (Required().Match(exception.Message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return (Error.Validation(RequestErrors.Malformed, $"'{name}' is required.", name), StatusCodes.Status400BadRequest);
        }
        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal))
            return (Error.Validation(RequestErrors.Malformed, "This endpoint needs a JSON body.", "body"), StatusCodes.Status400BadRequest);
        return (Error.Validation(RequestErrors.Malformed, "The request could not be read.", null), status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest);
    }

    /// <summary>A JSON body that is not JSON, or a value of the wrong kind at a path of <paramref name="bodyType"/>.</summary>
    public static Error FromJson(JsonException exception, Type? bodyType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = exception.Path is { Length: > 0 } path && path.TrimStart('$', '.') is { Length: > 0 } f ? f : "body";
        if (exception is NulInTextException)
            return NulInText(field);
        if (exception.Message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var expected = JsonPathTypes.Describe(JsonPathTypes.TypeAt(bodyType, field == "body" ? "" : field));
            return Error.Validation(RequestErrors.Malformed, field == "body" ? $"The body must be {expected}." : $"'{field}' must be {expected}.", field);
        }
        // The reader's own syntax messages ("'}' is invalid after a value") name no type; anything else might.
        var reason = exception.Message.Contains("UniRetail.", StringComparison.Ordinal) || exception.Message.Contains("System.", StringComparison.Ordinal)
            ? "it is not a value this field takes"
            : Location().Replace(exception.Message, "").TrimEnd(' ', '.');
        return Error.Validation(RequestErrors.Malformed, field == "body" ? $"The body is not valid JSON: {reason}." : $"'{field}' could not be read: {reason}.", field);
    }

    /// <summary>Text with the NUL character, in a body field, a query parameter or a path segment.</summary>
    public static Error NulInText(string field) =>
        Error.Validation(RequestErrors.BadText, $"'{field}' contains the NUL character (U+0000), which no text here may hold.", field);

    /// <summary>A .NET type name as the kind of JSON value it reads.</summary>
    private static string Expected(string typeName)
    {
        var name = Nullable().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName;
        name = name.Trim();
        return name switch
        {
            _ when name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List", StringComparison.Ordinal)
                || name.Contains("Enumerable", StringComparison.Ordinal) || name.Contains("Collection", StringComparison.Ordinal) => "an array",
            _ when name.Contains("Dictionary", StringComparison.Ordinal) => "an object of names and values",
            "System.Int32" or "Int32" or "int" or "System.Int64" or "Int64" or "long" or "System.Int16" or "short" => "a whole number in range",
            "System.Decimal" or "Decimal" or "decimal" or "System.Double" or "Double" or "double" or "System.Single" or "float" => "a number",
            "System.Boolean" or "Boolean" or "bool" => "true or false",
            "System.String" or "String" or "string" => "a string",
            "System.DateTimeOffset" or "DateTimeOffset" or "System.DateTime" or "DateTime" => "an ISO 8601 date-time",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>.+) (?<name>[\w.]+)"" from", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^Required parameter ""(?<type>.+) (?<name>[\w.]+)"" was not provided", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^(System\.)?Nullable(`1\[|<)(?<inner>[^\]>]+)[\]>]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nullable();

    [GeneratedRegex(@"\s*(Path: .*)?\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Location();
}
