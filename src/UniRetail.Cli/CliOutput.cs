using System.Text.Json;
using UniRetail.Kernel;

namespace UniRetail.Cli;

/// <summary>
/// How commands end: a result's error becomes one line on stderr and a non-zero exit code; its value is printed as JSON
/// (the API's names, indented) or, where a command offers one, as a table.
/// </summary>
internal static class CliOutput
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Rejected = 2;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The result's value as JSON, or its error.</summary>
    public static int Print<T>(Result<T> result) => Print(result, asJson: true, table: _ => { });

    /// <summary>The result's value as JSON when <paramref name="asJson"/> (a command's <c>--json</c>), else as <paramref name="table"/> prints it; or its error.</summary>
    public static int Print<T>(Result<T> result, bool asJson, Action<T> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!result.IsSuccess)
            return Fail(result.Error);
        if (asJson)
            WriteJson(result.Value);
        else
            table(result.Value);
        return Ok;
    }

    public static void WriteJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json));

    public static int Fail(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field is null ? "" : $" ({error.Field})";
        Console.Error.WriteLine($"error: {error.Code}{field}: {error.Message}");
        return Rejected;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return Failed;
    }
}
