using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using UniRetail.Data;
using UniRetail.Web;
using UniRetail.Web.Requests;

namespace UniRetail.Server.Hosting;

/// <summary>
/// The one place exceptions become responses: a request the framework could not bind is a 400 (413, 415) saying in API
/// terms which field was wrong; a write that gave up on lock conflicts (nothing written) is a 503 with Retry-After;
/// anything else is logged and answered with a generic 500, never a stack trace.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Mvc.ProblemDetails details;
        if (exception is BadHttpRequestException bad)
        {
            var bodyType = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var (error, status) = RequestErrorText.From(bad, bodyType);
            details = error.ToProblemDetails(status);
        }
        else if (exception is WriteContentionException contention)
        {
            logger.LogWarning("A write on {Method} {Path} gave up after {Attempts} lock conflicts", httpContext.Request.Method, httpContext.Request.Path, contention.Attempts);
            details = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is busy.",
                Detail = "The write met lock conflicts on every attempt and nothing was written; send the same request again.",
            };
            details.Extensions["code"] = RequestErrors.Busy;
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
            details.Extensions["code"] = RequestErrors.Unexpected;
        }
        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
