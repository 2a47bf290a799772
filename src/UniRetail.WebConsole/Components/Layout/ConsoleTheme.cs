using MudBlazor;

namespace UniRetail.WebConsole.Components.Layout;

/// <summary>The console's colours: MudBlazor's defaults with a darker primary, so text on it keeps WCAG AA contrast; the system font stack (no web fonts to fetch).</summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1e4f8a", AppbarBackground = "#1e4f8a", Secondary = "#8a1e5a" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
