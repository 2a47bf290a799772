using UniRetail.Kernel;

namespace UniRetail.Cli;

/// <summary>How commands end: a result's error becomes one line on stderr and a non-zero exit code.</summary>
internal static class CliOutput
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Rejected = 2;

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
