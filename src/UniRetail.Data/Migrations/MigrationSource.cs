using System.Reflection;

namespace UniRetail.Data.Migrations;

/// <summary>
/// A module's numbered SQL migrations, embedded as resources named <c>…Persistence.Migrations.{folder}.NNN_name.sql</c>.
/// Portable SQL lives in <c>common</c> (both engines read <c>DOUBLE PRECISION</c>, <c>BOOLEAN</c>, <c>BIGINT</c>, <c>TEXT</c>);
/// where the engines differ (identity columns, say) a migration of the same number in <c>sqlite</c> or <c>postgres</c>
/// takes its place for that engine.
/// </summary>
public sealed record MigrationSource(string Module, Assembly Assembly)
{
    internal IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var engine = Load(provider == DatabaseProvider.Sqlite ? ".Migrations.sqlite." : ".Migrations.postgres.");
        var common = Load(".Migrations.common.").Where(m => engine.All(e => e.Version != m.Version));
        return engine.Concat(common).OrderBy(m => m.Version).ToList();
    }

    private List<Migration> Load(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Migration.FromResource(Module, Assembly, name, name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..]))
            .ToList();
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
