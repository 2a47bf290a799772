using System.Reflection;

namespace UniRetail.Data.Migrations;

/// <summary>
/// A module's numbered SQL migrations, embedded as resources named
/// <c>…Persistence.Migrations.{sqlite|postgres}.NNN_name.sql</c>.
/// </summary>
public sealed record MigrationSource(string Module, Assembly Assembly)
{
    internal IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? ".Migrations.sqlite." : ".Migrations.postgres.";
        return Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Migration.FromResource(Module, Assembly, name, name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..]))
            .OrderBy(m => m.Version)
            .ToList();
    }
}

internal sealed record Migration(string Module, int Version, string Name, string Sql)
{
    public static Migration FromResource(string module, Assembly assembly, string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            throw new InvalidOperationException($"Migration '{resource}' must be named NNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(module, version, fileName, reader.ReadToEnd());
    }
}
