using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using UniRetail.Data;
using UniRetail.Server.Hosting;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// A write that gave up on lock conflicts wrote nothing, so the client may simply send it again: the answer says so with a
/// 503, Retry-After and the stable code <c>server.busy</c>, not the 500 of an unexpected failure.
/// </summary>
public sealed class WriteContentionAnswerTests
{
    [Fact]
    public async Task AWriteThatGaveUpOnLockConflictsIsA503WithRetryAfter()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new WriteContentionException(8), TestContext.Current.CancellationToken);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("server.busy", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("UniRetail.", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
