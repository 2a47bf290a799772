using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Server.Hosting;

/// <summary>
/// An error answered before any endpoint ran (the request guards, the rate limiter), in the shape its caller reads:
/// problem details under <c>/api</c>, and Segment's <c>{"success": false, …}</c> for the event API its SDKs call.
/// </summary>
internal static class EnvelopeAnswers
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context, int status, Error error)
    {
        context.Response.StatusCode = status;
        if (IsApi(context.Request.Path))
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = error.ToProblemDetails(status) });
        else
            await context.Response.WriteAsJsonAsync(new { success = false, code = error.Code, message = error.Message }, context.RequestAborted);
    }
}
