using System.CommandLine;
using UniRetail.Data.Secrets;

namespace UniRetail.Cli.Commands;

/// <summary>The server keyring: keyed fingerprints of erased identifiers and the opaque paging cursors are made with it.</summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var rotate = new Command("rotate", "Add a new key version; new fingerprints and cursors use it, older versions stay to match what they made");
        rotate.SetAction(result =>
        {
            var file = GlobalOptions.Database(result).KeysFile;
            var version = KeyringFile.Rotate(file);
            Console.WriteLine($"keyring {file}: now at version {version}; copy it to every server and restart them");
            return CliOutput.Ok;
        });
        return new Command("keys", "The server keyring (never stored in the database)") { rotate };
    }
}
