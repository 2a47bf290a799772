using System.Text;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// The fuzzer's cases from one seeded random source, so a seed makes the same cases again. First a sweep of every
/// operation: every body field with each JSON kind it does not take, null, and left out; each path and query parameter
/// with bad values and another tenant's ids; content types, whole bodies and a cut body; on the event API gzip and write
/// keys. Then random cases: extremes, Unicode, nesting and sizes in random fields, several at once, and other roles' keys.
/// </summary>
public sealed class CaseGenerator(int seed, IReadOnlyList<FuzzTarget> targets, IReadOnlyList<(string Role, string Token)> otherKeys)
{
    private static readonly int[] Counts = [101, 1_001, 10_001, 100_000];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzCase> Sweep() => targets.SelectMany(SweepOf);

    public IEnumerable<FuzzCase> Random(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var fuzz = RandomCase(Pick(targets));
            yield return fuzz.Operation.IsApi && _random.Next(100) < 15 ? AsAnotherRole(fuzz) : fuzz;
        }
    }

    private IEnumerable<FuzzCase> SweepOf(FuzzTarget t)
    {
        foreach (var slot in t.Slots)
        {
            foreach (var wrong in Mutations.WrongKinds(slot))
                yield return Mutations.SlotValue(t, slot, wrong);
            if (slot.Path == "body")
                continue;
            if (slot.IsArray || slot.IsMap)
                yield return Mutations.Many(t, slot, Pick(Counts));
            if (slot.Takes("string"))
            {
                foreach (var text in BadValues.TextEveryStringGets)
                    yield return Mutations.SlotValue(t, slot, text);
            }
            yield return Mutations.SlotValue(t, slot, BadValues.Null);
            if (slot.Example is not null && !slot.Path.EndsWith(']'))
                yield return Mutations.Missing(t, slot);
        }
        foreach (var parameter in t.Operation.InPath)
        {
            foreach (var value in Sample(BadValues.PathValues, 6).Append("a%2Fb").Append(BadValues.PathValues[^2]).Distinct())
                yield return Mutations.PathValue(t, parameter.Name, value);
        }
        if (t.Operation.InPath.Any())
            yield return Mutations.OtherTenantsPath(t);
        if (t.Valid.Body is not null)
            yield return Mutations.OtherTenantsRequest(t);
        foreach (var parameter in t.Operation.InQuery)
        {
            var wholeNumber = parameter.Schema.Takes("integer") && !parameter.Schema.Takes("string");
            foreach (var value in Sample(QueryValuesFor(wholeNumber), 4).Append(wholeNumber ? "abc" : "a%00b").Distinct())
                yield return Mutations.QueryValue(t, parameter.Name, value);
        }
        foreach (var contentType in Sample(BadValues.ContentTypes, 5).Append("application/json; charset=ebcdic").Distinct())
            yield return Mutations.ContentType(t, contentType);
        if (t.Valid.Body is null)
            yield break;
        foreach (var body in Sample(BadValues.Bodies, 3).Concat(BadValues.Bodies.Take(3)).Distinct())
            yield return Mutations.Body(t, body);
        yield return Mutations.Truncated(t, _random);
        if (t.Valid.ContentType == "text/csv")
        {
            for (var column = 0; column < 7; column++)
                yield return Mutations.CsvCell(t, column, Pick(BadValues.Strings));
        }
        foreach (var header in t.Operation.Parameters.Where(p => p.In == "header"))
            yield return Mutations.Header(t, header.Name, Pick(["", " ", new string('k', 10_000), "a\tb", "../..", "%00"]));
        if (t.Operation.IsEventApi)
        {
            foreach (var fuzz in EventApiEnvelopes(t))
                yield return fuzz;
        }
    }

    private FuzzCase RandomCase(FuzzTarget t)
    {
        var slots = t.Slots.Where(s => s.Path != "body").ToList();
        return _random.Next(100) switch
        {
            < 40 when slots.Count > 0 => RandomSlotValue(t, Pick(slots)),
            < 50 when slots.Count > 1 => SeveralSlotValues(t, slots),
            < 58 when slots.Any(s => s.IsArray || s.IsMap) => Mutations.Many(t, Pick(slots.Where(s => s.IsArray || s.IsMap).ToList()), Pick(Counts)),
            < 68 when t.Operation.InPath.Any() => Mutations.PathValue(t, Pick(t.Operation.InPath.ToList()).Name, Pick(BadValues.PathValues)),
            < 78 when t.Operation.InQuery.Any() => RandomQuery(t),
            < 82 => _random.Next(2) == 0 || t.Valid.Body is null ? Mutations.OtherTenantsPath(t) : Mutations.OtherTenantsRequest(t),
            < 86 when t.Valid.ContentType == "text/csv" => _random.Next(4) == 0 ? Mutations.CsvRows(t, Pick([2, 1_001, 20_000])) : Mutations.CsvCell(t, _random.Next(7), Pick(BadValues.Strings)),
            _ => RandomEnvelope(t),
        };
    }

    /// <summary>Half the time a value of the slot's own kind at an extreme, else anything from the catalogue.</summary>
    private FuzzCase RandomSlotValue(FuzzTarget t, JsonSlot slot)
    {
        IReadOnlyList<BadValue> pool = _random.Next(2) == 0
            ? slot.Takes("number") || slot.Takes("integer") ? BadValues.Numbers : slot.Takes("string") ? BadValues.Strings : BadValues.Nesting
            : [.. BadValues.Numbers, .. BadValues.Strings, .. BadValues.Nesting, .. Mutations.WrongKinds(slot), BadValues.Null];
        return Mutations.SlotValue(t, slot, Pick(pool));
    }

    /// <summary>Up to three plain values in unrelated fields (none inside another), then one of any sort in one more.</summary>
    private FuzzCase SeveralSlotValues(FuzzTarget t, IReadOnlyList<JsonSlot> slots)
    {
        var chosen = new List<JsonSlot> { Pick(slots) };
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var slot = Pick(slots);
            if (chosen.All(c => !c.Path.StartsWith(slot.Path, StringComparison.Ordinal) && !slot.Path.StartsWith(c.Path, StringComparison.Ordinal)))
                chosen.Add(slot);
        }
        var body = t.Json;
        var what = new List<string>();
        foreach (var slot in chosen.Skip(1))
        {
            var value = Pick(BadValues.Numbers.Concat(BadValues.Strings).Where(v => v.Raw is null).Append(BadValues.Null).ToList());
            body = slot.With(body, value.Node);
            what.Add($"{slot.Path} = {value}");
        }
        var raw = Pick([.. BadValues.Strings, .. BadValues.Numbers]);
        what.Add($"{chosen[0].Path} = {raw}");
        return t.Case(string.Join("; ", what), t.Valid with { Body = chosen[0].Put(body, raw) });
    }

    private FuzzCase RandomQuery(FuzzTarget t)
    {
        var parameter = Pick(t.Operation.InQuery.ToList());
        return _random.Next(4) switch
        {
            0 => Mutations.QueryShape(t, $"{parameter.Name} twice", $"{parameter.Name}=1&{parameter.Name}=2"),
            1 => Mutations.QueryShape(t, "1,000 unknown parameters", string.Join('&', Enumerable.Range(0, 1_000).Select(i => $"p{i}=x"))),
            _ => Mutations.QueryValue(t, parameter.Name, Pick(QueryValuesFor(parameter.Schema.Takes("integer") && !parameter.Schema.Takes("string")))),
        };
    }

    private FuzzCase RandomEnvelope(FuzzTarget t)
    {
        var valid = t.Valid.Body ?? [];
        return _random.Next(t.Operation.IsEventApi ? 8 : 6) switch
        {
            0 => Mutations.ContentType(t, Pick(BadValues.ContentTypes)),
            1 => Mutations.Body(t, Pick(BadValues.Bodies)),
            2 => Mutations.Truncated(t, _random),
            3 => t.Case("a UTF-8 BOM before the body", t.Valid with { Body = [0xEF, 0xBB, 0xBF, .. valid] }),
            4 => t.Case("the body padded with 1.1 MiB of spaces", t.Valid with { Body = [.. Encoding.ASCII.GetBytes(new string(' ', 1_150_000)), .. valid] }),
            5 => t.Case("a second copy of the body after it", t.Valid with { Body = [.. valid, .. valid] }),
            _ => Pick(EventApiEnvelopes(t).ToList()),
        };
    }

    private static IEnumerable<FuzzCase> EventApiEnvelopes(FuzzTarget t)
    {
        var valid = t.Valid.Body!;
        yield return Mutations.Authorization(t, "none", null);
        yield return Mutations.Authorization(t, "Basic with bytes that are not base64", "Basic !!!not base64!!!");
        yield return Mutations.Authorization(t, "Basic with an unknown write key", "Basic " + Convert.ToBase64String("wk_nope:"u8.ToArray()));
        yield return Mutations.Authorization(t, "Basic with bytes that are not UTF-8", "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A]));
        yield return Mutations.Authorization(t, "Basic with 10,000 characters", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('k', 10_000) + ":")));
        yield return Mutations.WriteKeyInBody(t, "wk_" + new string('0', 40));
        yield return Mutations.Gzip(t, "the valid body", valid);
        yield return Mutations.Gzip(t, "cut in half", valid, z => z[..(z.Length / 2)]);
        yield return Mutations.Gzip(t, "its checksum flipped", valid, z => [.. z[..^8], .. z[^8..].Select(b => (byte)~b)]);
        yield return Mutations.Gzip(t, "gzip inside gzip", Mutations.Compress(valid));
        yield return Mutations.Gzip(t, "not JSON inside", "{\"type\": tr"u8.ToArray());
        yield return Mutations.Gzip(t, "a lone surrogate inside", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("Ann", "\\ud800", StringComparison.Ordinal)));
        yield return Mutations.GzipBomb(t);
        yield return Mutations.Gzip(t, "1 MB of spaces around the body", [.. Encoding.ASCII.GetBytes(new string(' ', 1_000_000)), .. valid]);
    }

    private static IReadOnlyList<string> QueryValuesFor(bool wholeNumber) => wholeNumber ? BadValues.WholeNumberQueryValues : BadValues.TextQueryValues;

    private FuzzCase AsAnotherRole(FuzzCase fuzz)
    {
        var (role, token) = Pick(otherKeys);
        return fuzz with { What = $"{fuzz.What}, with the {role} key", Request = fuzz.Request.WithBearer(token) };
    }

    private IEnumerable<T> Sample<T>(IReadOnlyList<T> values, int count) => Enumerable.Range(0, count).Select(_ => Pick(values));

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
