using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>
/// axe-core (npm, pinned in axe/package.json; ./test.sh and CI run <c>npm ci --prefix tests/UniRetail.WebConsole.Tests/axe</c>)
/// injected into a page: the page may have no violation whose impact is serious or critical.
/// </summary>
internal static class AccessibilityCheck
{
    private static readonly Lazy<string?> Script = new(Find);

    private const string Run =
        """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`);
        }
        """;

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var script = Script.Value;
        Assert.True(script is not null,
            "axe-core is missing: run `npm ci --prefix tests/UniRetail.WebConsole.Tests/axe` (./test.sh does) so the browser tests can check accessibility.");
        await page.AddScriptTagAsync(new() { Path = script });
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{what}: axe-core found {found.Count} serious or critical violations:\n{string.Join('\n', found)}");
    }

    /// <summary>axe.min.js under the test project's axe/node_modules, found from the test binary up to the repository.</summary>
    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "UniRetail.WebConsole.Tests", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
