using System.Text.Json;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// What every answer to bad input must be: not a server error; no .NET type names or stack traces; on <c>/api</c> a 4xx
/// is problem details with a stable code and its own status; on the event API a 4xx is Segment's
/// <c>{"success":false,"code":…}</c>. Each rule broken is named in a few words, so failures group by rule.
/// </summary>
public static class AnswerRules
{
    private static readonly string[] DotNetLeaks = ["UniRetail.", "System.", "Nullable", "`1", "   at "];

    public static IEnumerable<string> Broken(FuzzCase fuzz, HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(fuzz);
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status >= 500)
            yield return $"answered {status}";
        foreach (var leak in DotNetLeaks.Where(l => IsText(response) && body.Contains(l, StringComparison.Ordinal)))
            yield return $"the answer shows .NET's \"{leak.Trim()}\"";
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && body.Length > 0 && Parse(body) is null)
            yield return $"a {status} whose JSON body is cut off or invalid (the connection dropped mid-answer)";
        if (status is < 400 or >= 500)
            yield break;
        if (fuzz.Operation.IsApi)
        {
            foreach (var broken in ProblemRules(response, body))
                yield return broken;
        }
        else if (fuzz.Operation.IsEventApi && !IsSegmentFailure(body))
            yield return $"a {status} not in Segment's shape {{\"success\":false,\"code\":…}}";
    }

    /// <summary>
    /// Whether the answer is text a person reads (no type, text, JSON, XML or SVG); a PNG's bytes can spell anything
    /// (a member code's QR image once held the two bytes of "`1").
    /// </summary>
    private static bool IsText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is not { } type
        || type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal);

    private static IEnumerable<string> ProblemRules(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            yield return $"a {(int)response.StatusCode} that is not application/problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})";
        if (Parse(body) is not { ValueKind: JsonValueKind.Object } problem)
        {
            yield return $"a {(int)response.StatusCode} whose body is not a JSON problem";
            yield break;
        }
        if (!problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString()!.Length == 0)
            yield return $"a {(int)response.StatusCode} problem without a code";
        if (problem.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() != (int)response.StatusCode)
            yield return $"a {(int)response.StatusCode} problem that says status {status.GetInt32()}";
    }

    private static bool IsSegmentFailure(string body) =>
        Parse(body) is { ValueKind: JsonValueKind.Object } answer
        && answer.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False
        && answer.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String;

    public static JsonElement? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            // Not JSON at all: the caller reports the missing problem or Segment shape.
            return null;
        }
    }
}
