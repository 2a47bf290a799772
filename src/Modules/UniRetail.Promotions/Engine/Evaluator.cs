using UniRetail.Promotions.Domain;

namespace UniRetail.Promotions.Engine;

/// <summary>
/// What one combination of candidates takes off. Item rules first, in tie-break order, each capped at what is left of the
/// line's list total; then basket rules in tie-break order, each on what its lines cost by then (lines held by an exclusive
/// item rule excluded), a threshold read on that cost. So no line is ever below zero or above its list total.
/// </summary>
internal sealed class Evaluator
{
    private readonly PricingLine[] _lines;
    private readonly Candidate[] _candidates;
    private readonly long[] _discount;
    private readonly bool[] _held;
    private readonly long[] _weights;
    private readonly long[] _shares;

    public Evaluator(PricingLine[] lines, Candidate[] candidates)
    {
        _lines = lines;
        _candidates = candidates;
        _discount = new long[lines.Length];
        _held = new bool[lines.Length];
        _weights = new long[lines.Length];
        _shares = new long[lines.Length];
    }

    /// <summary>The discount of the item rules in <paramref name="mask"/> alone.</summary>
    public long ItemTotal(ulong mask)
    {
        long total = 0;
        foreach (var i in Bits(mask))
        {
            var candidate = _candidates[i];
            if (candidate.IsBasketLevel)
                continue;
            for (var k = 0; k < candidate.Touched.Length; k++)
                total += candidate.Amounts[k];
        }
        // Only when two chosen rules share a line can the sum pass a line's total; then cap line by line.
        return NeedsCap(mask) ? Run(mask, null) : total;
    }

    /// <summary>The basket's whole discount under <paramref name="mask"/>.</summary>
    public long Total(ulong mask) => Run(mask, null);

    /// <summary>The discount each candidate of <paramref name="mask"/> takes off each line, as <c>(candidate, line, amount)</c>.</summary>
    public List<(int Candidate, int Line, long Amount)> Record(ulong mask)
    {
        var taken = new List<(int, int, long)>(_lines.Length * 2);
        Run(mask, taken);
        return taken;
    }

    private bool NeedsCap(ulong mask)
    {
        var any = false;
        foreach (var i in Bits(mask))
            any |= !_candidates[i].IsBasketLevel;
        if (!any)
            return false;
        Array.Clear(_held);
        foreach (var i in Bits(mask))
        {
            if (_candidates[i].IsBasketLevel)
                continue;
            foreach (var line in _candidates[i].Touched)
            {
                if (_held[line])
                    return true;
                _held[line] = true;
            }
        }
        return false;
    }

    private long Run(ulong mask, List<(int, int, long)>? taken)
    {
        Array.Clear(_discount);
        Array.Clear(_held);
        long total = 0;
        foreach (var i in Bits(mask))
        {
            var candidate = _candidates[i];
            if (candidate.IsBasketLevel)
                continue;
            for (var k = 0; k < candidate.Touched.Length; k++)
            {
                var line = candidate.Touched[k];
                var amount = Math.Min(candidate.Amounts[k], _lines[line].ListMinor - _discount[line]);
                if (candidate.Exclusive)
                    _held[line] = true;
                if (amount <= 0)
                    continue;
                _discount[line] += amount;
                total += amount;
                taken?.Add((i, line, amount));
            }
        }
        foreach (var i in Bits(mask))
        {
            var candidate = _candidates[i];
            if (candidate.IsBasketLevel)
                total += ApplyBasketRule(i, candidate, taken);
        }
        return total;
    }

    private long ApplyBasketRule(int index, Candidate candidate, List<(int, int, long)>? taken)
    {
        var scope = candidate.Lines;
        long net = 0;
        for (var k = 0; k < scope.Length; k++)
        {
            var line = scope[k];
            _weights[k] = _held[line] ? 0 : _lines[line].ListMinor - _discount[line];
            net += _weights[k];
        }
        var weights = _weights.AsSpan(0, scope.Length);
        var shares = _shares.AsSpan(0, scope.Length);
        switch (candidate.Ranked.Promotion.Rule)
        {
            case SpendThreshold { } rule when net < rule.ThresholdMinor:
                return 0;
            case SpendThreshold { Hundredths: { } percent }:
                PercentOf(weights, shares, percent);
                break;
            case SpendThreshold { AmountMinor: { } amount }:
                Minor.Allocate(Math.Min(amount, net), weights, shares);
                break;
            case PercentOff rule:
                PercentOf(weights, shares, rule.Hundredths);
                break;
            case AmountOff rule:
                Minor.Allocate(Math.Min(rule.AmountMinor, net), weights, shares);
                break;
            default:
                return 0;
        }
        long total = 0;
        for (var k = 0; k < scope.Length; k++)
        {
            if (shares[k] <= 0)
                continue;
            _discount[scope[k]] += shares[k];
            total += shares[k];
            taken?.Add((index, scope[k], shares[k]));
        }
        return total;
    }

    private static void PercentOf(ReadOnlySpan<long> weights, Span<long> shares, long percent)
    {
        for (var k = 0; k < weights.Length; k++)
            shares[k] = Minor.Percent(weights[k], percent);
    }

    /// <summary>The set bits of a mask, lowest first (the candidates are in tie-break order).</summary>
    public static BitEnumerator Bits(ulong mask) => new(mask);

    public ref struct BitEnumerator(ulong mask)
    {
        private ulong _left = mask;

        public int Current { get; private set; }

        public readonly BitEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_left == 0)
                return false;
            Current = System.Numerics.BitOperations.TrailingZeroCount(_left);
            _left &= _left - 1;
            return true;
        }
    }
}
