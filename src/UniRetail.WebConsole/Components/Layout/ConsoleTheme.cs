using MudBlazor;

namespace UniRetail.WebConsole.Components.Layout;

/// <summary>
/// The console's colours: MudBlazor's defaults with a darker primary and darker status colours, so white text on them and
/// their text on white (status chips, text alerts) keep WCAG AA contrast (axe-core checks every page); the system font
/// stack (no web fonts to fetch).
/// </summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e4f8a", AppbarBackground = "#1e4f8a", Secondary = "#8a1e5a",
            Info = "#0b5cad", Success = "#1b6e20", Warning = "#8a4b00", Error = "#b00020",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
