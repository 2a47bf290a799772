using System.Globalization;

namespace UniRetail.WebConsole.Components.Shared;

/// <summary>The arithmetic of the console's server-drawn SVG charts: values scaled into a box, points written for SVG.</summary>
internal static class ChartScale
{
    /// <summary>Each value's length when the largest fills <paramref name="full"/> (all zero when every value is zero or less).</summary>
    public static List<double> Lengths(List<decimal> values, double full)
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = values.Count == 0 ? 0 : values.Max();
        return values.Select(v => max <= 0 || v <= 0 ? 0 : (double)(v / max) * full).ToList();
    }

    /// <summary>
    /// SVG points of a series across a box (<paramref name="left"/>, <paramref name="top"/>, width, height): the first value at the
    /// left edge, the last at the right, 0 at the bottom and <paramref name="max"/> at the top.
    /// </summary>
    public static List<(double X, double Y)> Points(List<decimal> values, decimal max, double left, double top, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(values);
        var step = values.Count > 1 ? width / (values.Count - 1) : 0;
        return values.Select((v, i) => (left + i * step, top + height - (max <= 0 ? 0 : (double)(Math.Clamp(v, 0, max) / max) * height))).ToList();
    }

    /// <summary>Points as the <c>points</c> attribute of a polyline or polygon.</summary>
    public static string Svg(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

    /// <summary>A number for an SVG attribute (a dot for decimals whatever the culture).</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
