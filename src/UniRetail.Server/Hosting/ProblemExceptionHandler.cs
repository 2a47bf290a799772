using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace UniRetail.Server.Hosting;

/// <summary>
/// The one place exceptions become responses: a request the framework could not read (malformed JSON, a wrong type)
/// is a 400 naming the field; anything else is logged and answered with a generic 500, never a stack trace.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails();
        if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            var field = FieldOf(bad);
            details.Title = "The request is not valid.";
            details.Detail = field is null ? bad.Message : $"'{field}' could not be read: {(bad.InnerException as JsonException)?.Message ?? bad.Message}";
            details.Extensions["code"] = "request.malformed";
            if (field is not null)
            {
                details.Extensions["field"] = field;
                details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [details.Detail] };
            }
        }
        else
        {
            status = StatusCodes.Status500InternalServerError;
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            details.Title = "An unexpected error occurred.";
            details.Extensions["code"] = "server.unexpected";
        }
        details.Status = status;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The JSON path of the offending value, as a field name (<c>$.lines[0].quantity</c> → <c>lines[0].quantity</c>).</summary>
    private static string? FieldOf(BadHttpRequestException exception) =>
        exception.InnerException is JsonException { Path: { Length: > 0 } path } ? path.TrimStart('$', '.') is { Length: > 0 } f ? f : "body" : null;
}
