using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using UniRetail.Kernel;

namespace UniRetail.Web;

/// <summary>Turns handler results into HTTP: the value as 200/201, an <see cref="Error"/> as RFC 9457 problem details.</summary>
public static class ResultHttpExtensions
{
    /// <summary>The longest detail an answer carries: an error that quotes a huge input says what was wrong, not all of it.</summary>
    public const int MaxDetailLength = 1000;

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return result.IsSuccess ? TypedResults.Created(Locations.Safe(location(result.Value)), result.Value) : result.Error.ToProblem();
    }

    /// <summary>
    /// A create that a client may retry (an <c>Idempotency-Key</c>, a client-chosen reference): 201 with the new resource the
    /// first time, 200 with <c>Idempotent-Replayed: true</c> and the same resource when a retry found it already made.
    /// </summary>
    public static Results<Created<T>, Ok<T>, ProblemHttpResult> ToCreatedOrReplayed<TWritten, T>(
        this Result<TWritten> result, Func<TWritten, T> body, Func<TWritten, bool> replayed, Func<T, string> location, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(replayed);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(response);
        if (!result.IsSuccess)
            return result.Error.ToProblem();
        var resource = body(result.Value);
        if (!replayed(result.Value))
            return TypedResults.Created(Locations.Safe(location(resource)), resource);
        response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(resource);
    }

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    /// <summary>The one mapping from error kind to status.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(error.ToProblemDetails(StatusOf(error.Kind)));
    }

    /// <summary>The problem details of an error: its stable <c>code</c> and the <c>field</c> at fault (the host adds <c>traceId</c>).</summary>
    public static ProblemDetails ToProblemDetails(this Error error, int status)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.Message.Length <= MaxDetailLength ? error.Message : string.Concat(error.Message.AsSpan(0, MaxDetailLength - 1), "…");
        var details = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        details.Extensions["code"] = error.Code;
        if (error.Field is not null)
        {
            details.Extensions["field"] = error.Field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [detail] };
        }
        return details;
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Unauthorized.",
        403 => "Forbidden.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "The request conflicts with the current state.",
        413 => "The request is too large.",
        415 => "Unsupported media type.",
        429 => "Too many requests.",
        _ => "Error.",
    };
}
