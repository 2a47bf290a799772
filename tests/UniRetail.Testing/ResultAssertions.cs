using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Testing;

public static class ResultAssertions
{
    /// <summary>The error of a result that must have failed; fails the test when it succeeded.</summary>
    public static Error ShouldFail<T>(this Result<T> result)
    {
        Assert.False(result.IsSuccess, "Expected a failure, but the result succeeded.");
        return result.Error;
    }
}
