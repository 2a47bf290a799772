using System.Globalization;
using Spectre.Console;
using UniRetail.Network.Advice;
using UniRetail.Web;

namespace UniRetail.Cli.Shops;

/// <summary>A shop's advice as four Spectre tables (the CLI's <c>shops advice</c>) or one line per list (the demo).</summary>
internal static class AdviceTables
{
    public static void Write(ShopAdviceView advice, int rows = 10)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var basis = advice.Network;
        Console.WriteLine(basis.OnPlatform
            ? Invariant($"advice for {advice.LocationId} as of {advice.AsOf:yyyy-MM-dd}: {basis.SimilarShops.Count} similar shops over {basis.Weeks} weeks ({Similar(basis)}); {basis.ShopsSharingBaskets} share baskets")
            : $"advice for {advice.LocationId} as of {advice.AsOf:yyyy-MM-dd}: {basis.Note}");
        if (basis.OnPlatform && basis.Note is { } note)
            Console.WriteLine(note);

        var add = Table("add", "SKU", "wholesale", "exp. units/wk", "exp. margin/wk", "similar shops selling", "their units/wk", "unit cost", "price (basis)");
        foreach (var a in advice.Add.Take(rows))
            add.AddRow(E(a.Sku), E(a.WholesaleSku), F(a.ExpectedWeeklyUnits), M(a.ExpectedWeeklyMargin), $"{a.ShopsSelling} of {a.SimilarShops}", F(a.SimilarWeeklyUnits),
                M(a.UnitCost), E($"{M(a.ExpectedPrice)} ({a.PriceBasis})"));
        var drop = Table("drop", "SKU", "on hand", "cash tied up", "units (weeks)", "units/wk", "weeks of cover", "vs similar");
        foreach (var d in advice.Drop.Take(rows))
            drop.AddRow(E(d.Sku), d.OnHand.ToString(CultureInfo.InvariantCulture), M(d.CashTiedUp), Invariant($"{d.UnitsSold} ({d.Weeks})"), F(d.WeeklyUnits),
                d.WeeksOfCover is { } w ? F(w) : "never sells", d.SellThroughVsSimilar is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "–");
        var pairs = Table("side by side", "SKU", "with", "from", "together / baskets", "support", "confidence", "lift");
        foreach (var p in advice.SideBySide.Take(rows))
            pairs.AddRow(E(p.Sku), E(p.Other), p.Source, Invariant($"{p.Together} / {p.Baskets}"), p.Support.ToString("P1", CultureInfo.InvariantCulture),
                Invariant($"{p.Confidence:0.00} / {p.ConfidenceBack:0.00}"), Invariant($"{p.Lift:0.00}"));
        var eye = Table("eye level", "SKU", "units (weeks)", "units/wk", "price", "unit cost", "margin/wk", "rank units / margin");
        foreach (var e in advice.EyeLevel.Take(rows))
            eye.AddRow(E(e.Sku), Invariant($"{e.UnitsSold} ({e.Weeks})"), F(e.WeeklyUnits), M(e.Price), M(e.UnitCost), M(e.WeeklyMargin), Invariant($"{e.UnitsRank} / {e.MarginRank}"));
        foreach (var table in new[] { add, drop, pairs, eye })
            AnsiConsole.Write(table);
    }

    /// <summary>The top of each list on one line (the demo prints it beside the suggested order).</summary>
    public static string Summary(ShopAdviceView advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var add = advice.Add.Count > 0 && advice.Add[0] is { } a ? Invariant($"add {a.Sku} (~{a.ExpectedWeeklyUnits:0.#}/wk, {a.ShopsSelling} of {a.SimilarShops} similar shops)") : "add –";
        var drop = advice.Drop.Count > 0 && advice.Drop[0] is { } d ? Invariant($"drop {d.Sku} ({(d.WeeksOfCover is { } w ? $"{w:0.#} wks of cover" : "not selling")})") : "drop –";
        var pair = advice.SideBySide.Count > 0 && advice.SideBySide[0] is { } p ? Invariant($"{p.Sku} beside {p.Other} (lift {p.Lift:0.0}, {p.Source})") : "side by side –";
        var eye = advice.EyeLevel.Count > 0 && advice.EyeLevel[0] is { } e ? Invariant($"eye level {e.Sku}") : "eye level –";
        return $"{add}; {drop}; {pair}; {eye}";
    }

    private static string Similar(NetworkBasis basis) =>
        string.Join(", ", basis.SimilarShops.Take(3).Select(s => Invariant($"{s.Similarity:0.00} at {s.DistanceKm:0} km"))) + (basis.SimilarShops.Count > 3 ? ", …" : "");

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var column in columns)
            table.AddColumn(column);
        return table;
    }

    private static string E(string text) => Markup.Escape(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string M(MoneyView? money) => money is null ? "–" : money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
