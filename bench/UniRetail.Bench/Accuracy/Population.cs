using System.Globalization;
using Bogus;

namespace UniRetail.Bench.Accuracy;

/// <summary>
/// A labelled synthetic population: ordinary shoppers and the hard cases, in units that share something (a household, a
/// couple, the two owners of a recycled phone, a family with one laptop) or stand alone. Names come from Bogus; every
/// identifier is drawn from one seeded <see cref="Random"/>, so a seed gives the same population every run.
/// </summary>
internal sealed class Population
{
    /// <summary>Shares of the population per hard case (the rest are ordinary shoppers).</summary>
    private static readonly (HardCase Case, double Share)[] Shares =
    [
        (HardCase.HouseholdEmail, 0.04), (HardCase.RecycledPhone, 0.025), (HardCase.JointPaymentCard, 0.025), (HardCase.SharedStoreIpad, 0.025),
        (HardCase.SharedFamilyLaptop, 0.03), (HardCase.UserIdIsMemberId, 0.025), (HardCase.CardTypedWithSpaces, 0.025), (HardCase.PhoneSpellings, 0.025),
        (HardCase.PlaceholderEmail, 0.025), (HardCase.AliasedUserIds, 0.02),
    ];

    private static readonly string[] Domains = ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com", "hotmail.co.uk"];

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Faker _faker;

    private Population(int seed)
    {
        Random = new Random(seed);
        _faker = new Faker("en_GB") { Random = new Randomizer(seed) };
    }

    public Random Random { get; }
    public List<Shopper> Shoppers { get; } = [];
    /// <summary>Shoppers who go through a journey together (one unit per household, pair or family; one each otherwise).</summary>
    public List<(HardCase Case, List<Shopper> Unit)> Units { get; } = [];

    public static Population Create(int shoppers, int seed)
    {
        var population = new Population(seed);
        foreach (var (hardCase, share) in Shares)
        {
            var target = (int)Math.Round(shoppers * share);
            while (population.Count(hardCase) < target)
                population.AddUnit(hardCase, UnitSize(hardCase, population.Random));
        }
        while (population.Shoppers.Count < shoppers)
            population.AddUnit(HardCase.None, 1);
        return population;
    }

    private int Count(HardCase hardCase) => Shoppers.Count(s => s.Case == hardCase);

    private static int UnitSize(HardCase hardCase, Random random) => hardCase switch
    {
        HardCase.HouseholdEmail => random.Next(2, 5),
        HardCase.RecycledPhone or HardCase.JointPaymentCard => 2,
        HardCase.SharedFamilyLaptop => random.Next(2, 4),
        _ => 1,
    };

    private void AddUnit(HardCase hardCase, int size)
    {
        var lastName = _faker.Name.LastName();
        var unit = new List<Shopper>(size);
        for (var i = 0; i < size; i++)
        {
            var shopper = new Shopper(Shoppers.Count, hardCase, _faker.Name.FirstName(), hardCase is HardCase.HouseholdEmail or HardCase.SharedFamilyLaptop ? lastName : _faker.Name.LastName());
            Shoppers.Add(shopper);
            unit.Add(shopper);
        }
        Units.Add((hardCase, unit));
    }

    public bool Chance(double p) => Random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string PersonalEmail(Shopper s) =>
        Unique(() => $"{Clean(s.FirstName)}.{Clean(s.LastName)}{Random.Next(1, 10_000)}@{Pick(Domains)}");

    public string FamilyEmail(string lastName) => Unique(() => $"the{Clean(lastName)}s{Random.Next(1, 10_000)}@{Pick(Domains)}");

    /// <summary>A UK mobile in E.164, never a run of one digit (those are junk).</summary>
    public string Phone() => Unique(() => "+447" + Digits(9, firstNonZero: true));

    /// <summary>Twelve digits as the till scans them.</summary>
    public string Card() => Unique(() => "6012" + Digits(8, firstNonZero: false));

    public string UserId() => Unique(() => "u-" + Hex(10));

    public string Payment() => Unique(() => "pm_" + Hex(14));

    public string Cookie() => Unique(() => Guid(Random).ToString());

    public string Device() => Unique(() => Guid(Random).ToString().ToUpperInvariant());

    public string TillSession(int store) => Unique(() => $"till-{store}-{Hex(12)}");

    /// <summary>A moment in [from, from + days).</summary>
    public DateTimeOffset Within(DateTimeOffset from, double days) => from.AddMinutes(Random.NextDouble() * days * 24 * 60);

    private string Unique(Func<string> draw)
    {
        while (true)
        {
            var value = draw();
            if (_taken.Add(value))
                return value;
        }
    }

    private string Digits(int count, bool firstNonZero) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + (i == 0 && firstNonZero ? Random.Next(1, 10) : Random.Next(10)))));

    private string Hex(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => "0123456789abcdef"[Random.Next(16)]));

    private static Guid Guid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Clean(string name) =>
        new string(name.Where(char.IsAsciiLetter).ToArray()).ToLower(CultureInfo.InvariantCulture);
}
