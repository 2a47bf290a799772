using System.Text.Json.Nodes;

namespace UniRetail.Bench.Accuracy;

/// <summary>
/// What shoppers do, as the sources of a retailer report it: web visits (anonymous, then signed in), app use, till sales
/// (a card scan, an e-receipt address, a payment token in <c>context.traits</c>), newsletter sign-ups; and the orders
/// placed for members through the Orders module. Each call records the identifiers it sends that are the shopper's own.
/// </summary>
internal sealed partial class Journeys(Population p, EventLog log, int stores)
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Members who get orders through the Orders module (each a commerce event naming the member).</summary>
    public List<(Shopper Member, int Orders)> Orders { get; } = [];

    /// <summary>How an ordinary member's web account and their till sales are tied together in the events.</summary>
    private enum Link { MemberId, Card, Email }

    private readonly Dictionary<Shopper, Link> _links = [];
    private readonly Dictionary<Shopper, (bool Web, bool App, bool Till)> _channels = [];

    /// <summary>Identifiers and memberships, decided before members are registered (their ids are needed by the events).</summary>
    public void Prepare()
    {
        foreach (var (hardCase, unit) in p.Units)
        {
            if (hardCase == HardCase.None)
                PrepareOrdinary(unit[0]);
            else
                PrepareHardCase(hardCase, unit);
        }
    }

    public void Emit()
    {
        foreach (var (hardCase, unit) in p.Units)
        {
            var from = p.Within(Start, 560);
            if (hardCase == HardCase.None)
                EmitOrdinary(unit[0], from);
            else
                EmitHardCase(hardCase, unit, from);
        }
    }

    private void PrepareOrdinary(Shopper s)
    {
        s.IsMember = p.Chance(0.55);
        var web = p.Chance(0.75);
        var till = p.Chance(s.IsMember ? 0.85 : 0.25);
        if (!web && !till)
            web = true;
        _channels[s] = (web, web && p.Chance(0.3), till);
        s.Email = p.PersonalEmail(s);
        s.Phone = p.Chance(0.5) ? p.Phone() : null;
        s.Card = s.IsMember ? p.Card() : null;
        s.UserId = web ? p.UserId() : null;
        s.AccountOnMember = s.IsMember && web && p.Chance(0.4);
        var roll = p.Random.NextDouble();
        _links[s] = roll < 0.55 ? Link.MemberId : roll < 0.85 ? Link.Card : Link.Email;
        if (s.IsMember && p.Chance(0.6))
            Orders.Add((s, p.Random.Next(1, 3)));
    }

    private void EmitOrdinary(Shopper s, DateTimeOffset from)
    {
        var (web, app, till) = _channels[s];
        var link = _links[s];
        var ordered = Orders.Exists(o => o.Member == s);
        var at = from;
        if (web)
        {
            var traits = Traits(s, phone: p.Chance(0.3), memberId: s.IsMember && (link == Link.MemberId || (ordered && !till)), card: s.IsMember && link == Link.Card);
            for (var browser = p.Random.Next(1, 4); browser > 0; browser--)
                at = WebVisit(s, p.Cookie(), at, traits);
            if (p.Chance(0.15))
                at = Newsletter(s, at, s.Email!);
        }
        if (app)
            at = AppUse(s, at, EventLog.Traits(("email", s.Email)));
        if (till)
        {
            var payment = p.Chance(0.4) ? p.Payment() : null;
            s.Owns("payment_account", payment);
            for (var sale = p.Random.Next(1, 6); sale > 0; sale--)
            {
                var first = sale == 1;
                var traits = EventLog.Traits(
                    ("loyalty_card", s.Card),
                    ("member_id", s.IsMember && (first && (link == Link.MemberId || ordered) || p.Chance(0.4)) ? s.MemberId : null),
                    ("email", !s.IsMember || (link == Link.Email && first) || p.Chance(0.25) ? s.Email : null),
                    ("phone", s.Phone is not null && p.Chance(0.1) ? Spellings.Phone(s.Phone, p.Random.Next(Spellings.Common)) : null),
                    ("payment_account", payment));
                at = TillSale(s, p.Random.Next(stores), p.Within(at, 40), traits);
            }
        }
    }

    /// <summary>The traits a sign-in sends (name and e-mail always), recording those that are the shopper's own.</summary>
    private JsonObject Traits(Shopper s, bool phone, bool memberId, bool card, string? typedCard = null)
    {
        var traits = EventLog.Traits(("name", s.Name), ("email", s.Email is null ? null : Spellings.Email(s.Email, p.Random.Next(3))));
        s.Owns("email", s.Email);
        if (phone && s.Phone is not null)
        {
            traits["phone"] = Spellings.Phone(s.Phone, p.Random.Next(Spellings.Common));
            s.Owns("phone", s.Phone);
        }
        if (memberId && s.MemberId is not null)
        {
            traits["member_id"] = s.MemberId;
            s.Owns("member_id", s.MemberId);
        }
        if (card && s.Card is not null)
        {
            traits["loyalty_card"] = typedCard ?? s.Card;
            s.Owns("loyalty_card", s.Card);
        }
        return traits;
    }

    /// <summary>A browser: a page or two before signing in, the sign-in (identify), then some signed-in events.</summary>
    private DateTimeOffset WebVisit(Shopper s, string cookie, DateTimeOffset at, JsonObject traits, string source = "web")
    {
        s.Owns("anonymous_id", cookie);
        OwnsUserId(s);
        for (var page = p.Random.Next(0, 3); page > 0; page--)
            log.Page(source, at = at.AddMinutes(1 + p.Random.Next(5)), cookie, null, $"/p/{p.Random.Next(200)}");
        log.Identify(source, at = at.AddMinutes(1), s.UserId, cookie, traits.DeepClone().AsObject());
        for (var view = p.Random.Next(1, 4); view > 0; view--)
            log.Track(source, at = at.AddMinutes(1 + p.Random.Next(5)), "Product Viewed", s.UserId, cookie, null);
        return p.Within(at, 30);
    }

    private DateTimeOffset AppUse(Shopper s, DateTimeOffset at, JsonObject traits)
    {
        var install = p.Cookie();
        var device = p.Device();
        s.Owns("anonymous_id", install);
        s.Owns("device_id", device);
        OwnsUserId(s);
        log.Screen("app", at, install, null, device);
        log.Identify("app", at = at.AddMinutes(2), s.UserId, install, traits, device);
        for (var screen = p.Random.Next(1, 4); screen > 0; screen--)
            log.Screen("app", at = at.AddMinutes(1 + p.Random.Next(10)), install, s.UserId, device);
        return p.Within(at, 30);
    }

    /// <summary>
    /// A sale at a store's till; its session id is the shopper's record only when the sale also names something of theirs
    /// alone (a sale that names only a joint card or a placeholder address could not be told apart by anyone).
    /// </summary>
    private DateTimeOffset TillSale(Shopper s, int store, DateTimeOffset at, JsonObject traits, bool own = true)
    {
        var session = p.TillSession(store);
        if (own)
            s.Owns("anonymous_id", session);
        log.Track($"pos:{store}", at, "Order Completed", null, session, traits, revenue: 5 + p.Random.Next(80));
        return at.AddHours(1);
    }

    /// <summary>A sign-up with an address only; the browser is the shopper's record only when the address is theirs alone.</summary>
    private DateTimeOffset Newsletter(Shopper s, DateTimeOffset at, string email, bool own = true)
    {
        var cookie = p.Cookie();
        if (own)
            s.Owns("anonymous_id", cookie);
        log.Identify("web", at, null, cookie, EventLog.Traits(("email", email)));
        return p.Within(at, 20);
    }

    private static void OwnsUserId(Shopper s)
    {
        if (s.UserId is null)
            return;
        s.Owns(s.UserId.StartsWith("mem_", StringComparison.Ordinal) ? "member_id" : "user_id", s.UserId);
    }
}
