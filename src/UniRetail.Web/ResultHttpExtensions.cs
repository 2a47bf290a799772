using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using UniRetail.Kernel;

namespace UniRetail.Web;

/// <summary>Turns handler results into HTTP: the value as 200/201, an <see cref="Error"/> as RFC 9457 problem details.</summary>
public static class ResultHttpExtensions
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error.ToProblem();
    }

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    /// <summary>The one mapping from error kind to status; the body carries the stable code and the field at fault.</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
            extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        }
        return TypedResults.Problem(detail: error.Message, statusCode: status, title: TitleFor(error.Kind), extensions: extensions);
    }

    private static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.Forbidden => "Forbidden.",
        _ => "Error.",
    };
}
