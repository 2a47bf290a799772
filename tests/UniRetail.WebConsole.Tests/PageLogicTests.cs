using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;
using UniRetail.WebConsole.Pages.Customers;
using UniRetail.WebConsole.Pages.Settings;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The plain logic behind the customer search and the settings forms, without a browser.</summary>
public sealed class PageLogicTests
{
    private static readonly ProfileView Ann = new("prof_1", DateTimeOffset.UnixEpoch, [], [], null, null, [], [], []);

    [Fact]
    public void TheSearchOffersEveryIdentifierTypeTheGraphKnows() =>
        Assert.Equal(IdentifierTypes.All.Select(IdentifierTypes.ToName).Order(), CustomerLookup.Types.Select(t => t.Name).Order());

    [Fact]
    public async Task AnyIdentifierTriesEachTypeInOrderUntilOneHoldsTheValue()
    {
        var asked = new List<string>();
        var found = await CustomerLookup.FindAsync(CustomerLookup.Any, "+44 7700 900123", (type, _) =>
        {
            asked.Add(type);
            return Task.FromResult(type switch
            {
                "email" => (Result<ProfileView>)Error.Validation("marketing.bad_identifier", "not an e-mail", "value"),
                "phone" => Ann,
                _ => throw new InvalidOperationException("asked past the first match"),
            });
        });
        Assert.Equal("prof_1", found.Value.ProfileId);
        Assert.Equal(["email", "phone"], asked);
    }

    [Fact]
    public async Task AValueNoOneHoldsIsAnUnknownProfileOnTheValueFieldAfterOneLookupPerType()
    {
        var lookups = 0;
        var found = await CustomerLookup.FindAsync(CustomerLookup.Any, "ghost", (_, _) =>
        {
            lookups++;
            return Task.FromResult((Result<ProfileView>)Error.NotFound("marketing.unknown_profile", "none", "profile"));
        });
        Assert.Equal(("marketing.unknown_profile", "value", CustomerLookup.Types.Count), (found.Error!.Code, found.Error.Field, lookups));
    }

    [Fact]
    public async Task ANamedTypeAsksOnceAndItsErrorsAreTheLookupsOwnWithTheMissingProfileOnTheValue()
    {
        var bad = await CustomerLookup.FindAsync("phone", "abc", (_, _) =>
            Task.FromResult((Result<ProfileView>)Error.Validation("marketing.bad_identifier", "not a phone", "value")));
        var missing = await CustomerLookup.FindAsync("email", "a@b.test", (_, _) =>
            Task.FromResult((Result<ProfileView>)Error.NotFound("marketing.unknown_profile", "none", "profile")));
        var empty = await CustomerLookup.FindAsync(CustomerLookup.Any, "  ", (_, _) => throw new InvalidOperationException("no lookup for nothing"));
        Assert.Equal(("marketing.bad_identifier", "value"), (bad.Error!.Code, bad.Error.Field));
        Assert.Equal(("marketing.unknown_profile", "value"), (missing.Error!.Code, missing.Error.Field));
        Assert.Equal(("console.no_value", "value"), (empty.Error!.Code, empty.Error.Field));
    }

    [Fact]
    public void ALocationFormTurnsItsTextIntoTheApisRequestAndNamesTheFieldOfABadNumber()
    {
        var form = new SettingsForms.LocationForm { Code = "KX01", Name = "King's Cross", Latitude = "51.53", Longitude = "-0.12", Radius = "6.5", Capacity = "40" };
        form.Hours["monday"] = " 09:00-21:00 ";
        form.Hours["tuesday"] = "";
        var request = form.ToRequest().Value;
        Assert.Equal((51.53, -0.12, 6.5, 40), (request.Latitude!.Value, request.Longitude!.Value, request.DeliveryRadiusKm!.Value, request.DailyCapacity!.Value));
        Assert.Equal(new Dictionary<string, string> { ["monday"] = "09:00-21:00" }, request.OpeningHours);

        form.Latitude = "north";
        Assert.Equal(("console.bad_number", "latitude"), (form.ToRequest().Error!.Code, form.ToRequest().Error!.Field));
        form.Latitude = "51.53";
        form.Capacity = "lots";
        Assert.Equal("dailyCapacity", form.ToRequest().Error!.Field);
    }

    [Fact]
    public void IdentityRulesAsTypedBecomeTheRequestAndABadNumberNamesItsRow()
    {
        var rows = new List<SettingsForms.RuleRow>
        {
            new() { Type = "email", MayMerge = true, MaxPerProfile = "3", Priority = "2" },
            new() { Type = "phone", MayMerge = false, MaxPerProfile = "x", Priority = "3" },
        };
        Assert.Equal(("console.bad_number", "rules[1].maxPerProfile"), (SettingsForms.RulesRequest(rows, "").Error!.Code, SettingsForms.RulesRequest(rows, "").Error!.Field));
        rows[1].MaxPerProfile = "2";
        var request = SettingsForms.RulesRequest(rows, "test@test.com\n\n  0000 \n").Value;
        Assert.Equal([new IdentityRuleView("email", true, 3, 2), new IdentityRuleView("phone", false, 2, 3)], request.Rules);
        Assert.Equal(["test@test.com", "0000"], request.BlockedValues);
        Assert.Null(request.SharedIdentifiers);
    }
}
