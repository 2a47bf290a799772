using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UniRetail.Data.Secrets;

/// <summary>
/// The keyring as a text file, one key a line: <c>v{version} {base64 of 32 random bytes}</c>. Made on first use with
/// owner-only permissions when it does not exist; <see cref="Rotate"/> appends a new version. Every server of one
/// installation must read the same keys (the same file, or the same <c>UniRetail:Keys</c> setting).
/// </summary>
public static class KeyringFile
{
    public static ServerKeyring Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keys = new Dictionary<int, byte[]>();
        foreach (var raw in text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith('#'))
                continue;
            var parts = raw.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[0].StartsWith('v') || !int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                || version is < 1 or > 255)
                throw new InvalidOperationException($"A keyring line is 'v<1-255> <base64 key>', not '{raw[..Math.Min(raw.Length, 8)]}…'.");
            keys[version] = Convert.FromBase64String(parts[1]);
        }
        return new ServerKeyring(keys);
    }

    /// <summary>The keyring in <paramref name="path"/>, made with one new key when the file does not exist.</summary>
    public static ServerKeyring LoadOrCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            Write(path, $"# UniRetail server keys: keep secret, back up, give every server the same file. 'uniretail keys rotate' adds a version.\n{Line(1)}\n", createNew: true);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Appends a new key version and returns it; the older versions stay for what they made.</summary>
    public static int Rotate(string path)
    {
        var next = LoadOrCreate(path).Current + 1;
        if (next > 255)
            throw new InvalidOperationException("The keyring has reached version 255.");
        File.AppendAllText(path, Line(next) + "\n", Encoding.ASCII);
        return next;
    }

    private static string Line(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");

    private static void Write(string path, string text, bool createNew)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = createNew ? FileMode.CreateNew : FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(text));
        }
        catch (IOException) when (createNew && File.Exists(path))
        {
            // Another process made the file first: read theirs.
        }
    }
}
