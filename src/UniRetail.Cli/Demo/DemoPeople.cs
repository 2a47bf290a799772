using Bogus;
using UniRetail.Members.Registration;

namespace UniRetail.Cli.Demo;

/// <summary>The demo's members: generated British names, e-mails and mobiles, each with a loyalty card.</summary>
internal static class DemoPeople
{
    public static IReadOnlyList<RegisterMemberRequest> Members(int count)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(4372) };
        return Enumerable.Range(0, count).Select(i =>
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            IdentifierRequest[] identifiers =
            [
                new("email", $"{first}.{last}.{i}@example.co.uk".ToLowerInvariant()),
                new("phone", $"07700 9{i:D5}"),
                new("loyalty_card", $"LC{100000 + i}"),
                new("account", $"web-{i:D6}"),
            ];
            return new RegisterMemberRequest($"{first} {last}", identifiers);
        }).ToList();
    }
}
