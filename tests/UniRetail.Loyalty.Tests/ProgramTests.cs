using UniRetail.Data;
using UniRetail.Loyalty.Programs;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Loyalty.Tests;

public sealed class ProgramDocumentTests
{
    private static readonly ProgramDocument Valid = new(
        "GBP", new EarnDocument(1m, null, null, 0, 0, 0), 14, 12, new RedemptionDocument(100, 1m, 0, 50),
        new TiersDocument("spend", 12, [new TierDocument("member", 0m, 1m, false), new TierDocument("gold", 500m, 1.5m, true)]), null);

    public static TheoryData<string, string, string> Broken => new()
    {
        { "negative points per unit", "loyalty.out_of_range", "earn.pointsPerUnit" },
        { "pending longer than a year", "loyalty.out_of_range", "pendingDays" },
        { "expiry before release", "loyalty.bad_program", "expiryMonths" },
        { "no redemption rate", "loyalty.out_of_range", "redemption.points" },
        { "share above 100", "loyalty.out_of_range", "redemption.maxShareOfBasket" },
        { "tiers not rising", "loyalty.bad_program", "tiers.levels[1].threshold" },
        { "duplicate tier", "loyalty.duplicate", "tiers.levels[1].name" },
        { "unknown basis", "loyalty.bad_program", "tiers.basis" },
        { "multiplier above 100", "loyalty.out_of_range", "earn.categoryMultipliers.Home" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void ToProgram_BrokenRule_NamesTheCodeAndField(string rule, string code, string field)
    {
        var document = rule switch
        {
            "negative points per unit" => Valid with { Earn = Valid.Earn! with { PointsPerUnit = -1m } },
            "pending longer than a year" => Valid with { PendingDays = 400 },
            "expiry before release" => Valid with { PendingDays = 60, ExpiryMonths = 1 },
            "no redemption rate" => Valid with { Redemption = Valid.Redemption! with { Points = null } },
            "share above 100" => Valid with { Redemption = Valid.Redemption! with { MaxShareOfBasket = 101 } },
            "tiers not rising" => Valid with { Tiers = Valid.Tiers! with { Levels = [new TierDocument("a", 10m, 1m, false), new TierDocument("b", 10m, 1m, false)] } },
            "duplicate tier" => Valid with { Tiers = Valid.Tiers! with { Levels = [new TierDocument("a", 0m, 1m, false), new TierDocument("a", 10m, 1m, false)] } },
            "unknown basis" => Valid with { Tiers = Valid.Tiers! with { Basis = "visits" } },
            _ => Valid with { Earn = Valid.Earn! with { CategoryMultipliers = new() { ["Home"] = 101m } } },
        };

        var error = document.ToProgram().ShouldFail();

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void ToProgram_ValidDocument_RoundTripsThroughTheView()
    {
        var program = Valid.ToProgram().Value;

        var again = ProgramDocument.From(program).ToProgram().Value;

        Assert.Equal(program.Redemption, again.Redemption);
        Assert.Equal(program.Tiers.Levels, again.Tiers.Levels);
        Assert.Equal(50_000, program.Tiers.Levels[1].Threshold);
        Assert.Equal(150, program.Redemption.MaxPointsFor(300));
    }

    [Fact]
    public void Evaluate_HigherTierAtOnce_LowerOnlyAtThePeriodsEnd()
    {
        var tiers = Valid.ToProgram().Value.Tiers;
        var now = ManualClock.TradingMorning;

        var (up, until) = tiers.Evaluate("member", now.AddMonths(3), 60_000, now);
        var (kept, _) = tiers.Evaluate("gold", until, 0, now.AddMonths(6));
        var (down, _) = tiers.Evaluate("gold", until, 0, until!.Value);

        Assert.Equal(("gold", now.AddMonths(12)), (up, until));
        Assert.Equal("gold", kept);
        Assert.Equal("member", down);
    }
}

public abstract class ProgramTests(DatabaseProvider provider) : LoyaltyDatabaseTest(provider)
{
    [Fact]
    public async Task AProgramInAnotherCurrencyThanTheTenantsIsRefusedAndNothingIsSaved()
    {
        var saved = await Get<ManageProgram>().SetAsync(Admin, AProgram() with { Currency = "EUR" }, Ct);

        Assert.Equal(("loyalty.currency_mismatch", "currency"), (saved.ShouldFail().Code, saved.Error!.Field));
        Assert.Equal("loyalty.no_program", (await Get<ManageProgram>().GetAsync(Admin, Ct)).ShouldFail().Code);
    }
}

public sealed class ProgramSqliteTests() : ProgramTests(DatabaseProvider.Sqlite);

public sealed class ProgramPostgresTests() : ProgramTests(DatabaseProvider.Postgres);
