using UniRetail.WebConsole;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Where the console keeps the data-protection keys that encrypt its sign-in cookies: <c>UniRetail:ConsoleKeys</c> (a
/// directory), else <c>uniretail-console-keys/</c> beside the server keyring. Every server of an installation must share it.
/// </summary>
internal static class ConsoleSettings
{
    public static string KeysDirectory(IConfiguration configuration) =>
        configuration["UniRetail:ConsoleKeys"] is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : WebConsoleModule.DefaultKeysDirectory(DatabaseSettings.From(configuration).KeysFile);
}
