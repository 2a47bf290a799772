namespace UniRetail.Bench.Accuracy;

/// <summary>The hard cases: what several people share, what changes hands, and what is written in another form.</summary>
internal sealed partial class Journeys
{
    private readonly Dictionary<List<Shopper>, string> _shared = [];

    private void PrepareHardCase(HardCase hardCase, List<Shopper> unit)
    {
        foreach (var s in unit)
        {
            s.IsMember = hardCase switch
            {
                HardCase.HouseholdEmail or HardCase.SharedFamilyLaptop => p.Chance(0.7),
                HardCase.PhoneSpellings or HardCase.AliasedUserIds => false,
                _ => true,
            };
            s.Email = p.PersonalEmail(s);
            s.Card = s.IsMember ? p.Card() : null;
            s.UserId = p.UserId();
            s.Phone = hardCase == HardCase.PhoneSpellings ? p.Phone() : null;
        }
        switch (hardCase)
        {
            case HardCase.HouseholdEmail:
                _shared[unit] = p.FamilyEmail(unit[0].LastName);
                foreach (var s in unit)
                    s.Email = p.Chance(0.5) ? s.Email : null;
                break;
            case HardCase.RecycledPhone:
                _shared[unit] = p.Phone();
                break;
            case HardCase.JointPaymentCard:
                _shared[unit] = p.Payment();
                break;
            case HardCase.SharedFamilyLaptop:
                _shared[unit] = p.Cookie();
                break;
            case HardCase.UserIdIsMemberId:
                Orders.Add((unit[0], p.Random.Next(1, 3)));
                break;
        }
    }

    /// <summary>Run after registration: members have their ids.</summary>
    private void EmitHardCase(HardCase hardCase, List<Shopper> unit, DateTimeOffset from)
    {
        switch (hardCase)
        {
            case HardCase.HouseholdEmail:
                Household(unit, _shared[unit], from);
                break;
            case HardCase.RecycledPhone:
                RecycledPhone(unit[0], unit[1], _shared[unit]);
                break;
            case HardCase.JointPaymentCard:
                foreach (var partner in unit)
                    JointCardHolder(partner, _shared[unit], p.Within(from, 60));
                break;
            case HardCase.SharedStoreIpad:
                KioskShopper(unit[0], from);
                break;
            case HardCase.SharedFamilyLaptop:
                FamilyLaptop(unit, _shared[unit], from);
                break;
            case HardCase.UserIdIsMemberId:
                MemberIdAsUserId(unit[0], from);
                break;
            case HardCase.CardTypedWithSpaces:
                CardTypedWithSpaces(unit[0], from);
                break;
            case HardCase.PhoneSpellings:
                PhoneSpellings(unit[0], from);
                break;
            case HardCase.PlaceholderEmail:
                PlaceholderEmail(unit[0], from);
                break;
            case HardCase.AliasedUserIds:
                AliasedUserIds(unit[0], from);
                break;
        }
    }

    /// <summary>Everyone has their own account or card; the family address turns up at sign-ins, tills and the newsletter.</summary>
    private void Household(List<Shopper> household, string family, DateTimeOffset from)
    {
        for (var i = 0; i < household.Count; i++)
        {
            var s = household[i];
            var at = p.Within(from, 90);
            var email = i < 2 || p.Chance(0.6) ? family : s.Email;
            var web = !s.IsMember || p.Chance(0.7);
            if (web)
            {
                var traits = Traits(s, phone: false, memberId: false, card: true);
                if (email is not null)
                    traits["email"] = email;
                if (email != s.Email && s.Email is not null)
                    s.Records.Remove(("email", s.Email));
                at = WebVisit(s, p.Cookie(), at, traits);
            }
            if (s.IsMember)
            {
                s.Owns("loyalty_card", s.Card);
                for (var sale = p.Random.Next(1, 4); sale > 0; sale--)
                    at = TillSale(s, p.Random.Next(stores), p.Within(at, 40), EventLog.Traits(("loyalty_card", s.Card), ("email", p.Chance(0.5) ? family : null)));
            }
            if (p.Chance(0.3))
                Newsletter(s, p.Within(at, 30), family, own: false);
        }
    }

    /// <summary>The first owner uses the number in the first half of 2024; the carrier gives it to the second in 2025.</summary>
    private void RecycledPhone(Shopper first, Shopper second, string phone)
    {
        var at = new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero).AddDays(p.Random.Next(60));
        var traits = Traits(first, phone: false, memberId: false, card: true);
        traits["phone"] = Spellings.Phone(phone, p.Random.Next(Spellings.Common));
        at = WebVisit(first, p.Cookie(), at, traits);
        for (var sale = p.Random.Next(1, 3); sale > 0; sale--)
            at = TillSale(first, p.Random.Next(stores), p.Within(at, 20), EventLog.Traits(("loyalty_card", first.Card), ("phone", Spellings.Phone(phone, 1))));

        at = new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero).AddDays(p.Random.Next(200));
        var cookie = p.Cookie();
        second.Owns("anonymous_id", cookie);
        second.Owns("email", second.Email);
        // A sign-up by text message: the new owner's number and address, before any account exists.
        log.Identify("web", at, null, cookie, EventLog.Traits(("phone", Spellings.Phone(phone, 1)), ("email", second.Email)));
        traits = Traits(second, phone: false, memberId: false, card: true);
        at = WebVisit(second, cookie, p.Within(at, 10), traits);
        for (var sale = p.Random.Next(1, 3); sale > 0; sale--)
            at = TillSale(second, p.Random.Next(stores), p.Within(at, 20), EventLog.Traits(("loyalty_card", second.Card), ("phone", Spellings.Phone(phone, 2))));
    }

    /// <summary>Each partner has their own card and account; half of them first turn up at a till, paying with the joint card.</summary>
    private void JointCardHolder(Shopper s, string joint, DateTimeOffset at)
    {
        var cookie = p.Cookie();
        var tillFirst = p.Chance(0.5);
        if (tillFirst)
            at = JointCardSales(s, joint, at);
        at = WebVisit(s, cookie, at, Traits(s, phone: false, memberId: false, card: true));
        log.Track("web", at, "Order Completed", s.UserId, cookie, EventLog.Traits(("payment_account", joint)), revenue: 20 + p.Random.Next(100));
        if (!tillFirst)
            JointCardSales(s, joint, p.Within(at, 30));
    }

    /// <summary>Paying with the joint card without scanning a loyalty card is common; an e-receipt address then says who it was.</summary>
    private DateTimeOffset JointCardSales(Shopper s, string joint, DateTimeOffset at)
    {
        for (var sale = p.Random.Next(1, 5); sale > 0; sale--)
        {
            var card = p.Chance(0.6) ? s.Card : null;
            var email = card is null && p.Chance(0.5) ? s.Email : null;
            at = TillSale(s, p.Random.Next(stores), p.Within(at, 30), EventLog.Traits(("loyalty_card", card), ("email", email), ("payment_account", joint)), own: card is not null || email is not null);
        }
        return at;
    }

    /// <summary>The store's iPad (one device id, one anonymous id) scans the shopper's card or signs them in.</summary>
    private void KioskShopper(Shopper s, DateTimeOffset at)
    {
        var store = p.Random.Next(stores);
        at = WebVisit(s, p.Cookie(), at, Traits(s, phone: false, memberId: false, card: true));
        for (var use = p.Random.Next(1, 4); use > 0; use--)
        {
            var when = p.Within(Start, 700);
            if (p.Chance(0.7))
                log.Track($"kiosk:{store}", when, "Card Scanned", null, $"kiosk-anon-{store}", EventLog.Traits(("loyalty_card", s.Card)), $"ipad-{store}");
            else
                log.Identify($"kiosk:{store}", when, s.UserId, $"kiosk-anon-{store}", EventLog.Traits(("name", s.Name)), $"ipad-{store}");
        }
        TillSale(s, store, p.Within(at, 30), EventLog.Traits(("loyalty_card", s.Card)));
    }

    /// <summary>A parent signs in on the family laptop; a daughter signs up for the newsletter on it and shops at the till.</summary>
    private void FamilyLaptop(List<Shopper> family, string laptop, DateTimeOffset from)
    {
        foreach (var s in family.OrderBy(_ => p.Random.Next()))
        {
            var at = p.Within(from, 60);
            if (s == family[^1])
            {
                s.Owns("email", s.Email);
                log.Identify("web", at, null, laptop, EventLog.Traits(("email", s.Email), ("name", s.Name)));
                if (s.IsMember)
                {
                    s.Owns("loyalty_card", s.Card);
                    for (var sale = p.Random.Next(1, 4); sale > 0; sale--)
                        at = TillSale(s, p.Random.Next(stores), p.Within(at.AddDays(1), 30), EventLog.Traits(("loyalty_card", s.Card), ("email", sale == 1 || p.Chance(0.3) ? s.Email : null)));
                }
                continue;
            }
            var traits = Traits(s, phone: false, memberId: false, card: s.IsMember);
            log.Identify("web", at, s.UserId, laptop, traits.DeepClone().AsObject());
            OwnsUserId(s);
            log.Track("web", at.AddMinutes(3), "Product Viewed", s.UserId, laptop, null);
            WebVisit(s, p.Cookie(), p.Within(at, 30), traits);
        }
    }

    private void MemberIdAsUserId(Shopper s, DateTimeOffset at)
    {
        s.UserId = s.MemberId;
        at = WebVisit(s, p.Cookie(), at, Traits(s, phone: false, memberId: false, card: false));
        if (p.Chance(0.5))
            at = AppUse(s, at, EventLog.Traits(("email", s.Email)));
        if (p.Chance(0.5))
        {
            s.Owns("loyalty_card", s.Card);
            TillSale(s, p.Random.Next(stores), p.Within(at, 30), EventLog.Traits(("loyalty_card", s.Card), ("member_id", s.MemberId)));
        }
    }

    private void CardTypedWithSpaces(Shopper s, DateTimeOffset at)
    {
        at = WebVisit(s, p.Cookie(), at, Traits(s, phone: false, memberId: false, card: true, typedCard: Spellings.TypedCard(s.Card!, p.Chance(0.3))));
        for (var sale = p.Random.Next(1, 4); sale > 0; sale--)
            at = TillSale(s, p.Random.Next(stores), p.Within(at, 30), EventLog.Traits(("loyalty_card", s.Card)));
    }

    private void PhoneSpellings(Shopper s, DateTimeOffset at)
    {
        var traits = Traits(s, phone: false, memberId: false, card: false);
        traits["phone"] = Spellings.Phone(s.Phone!, p.Random.Next(Spellings.Common, Spellings.All));
        s.Owns("phone", s.Phone);
        at = WebVisit(s, p.Cookie(), at, traits);
        for (var sale = p.Random.Next(1, 3); sale > 0; sale--)
            at = TillSale(s, p.Random.Next(stores), p.Within(at, 30), EventLog.Traits(("phone", Spellings.Phone(s.Phone!, p.Random.Next(Spellings.All)))));
        if (p.Chance(0.5))
            AppUse(s, at, EventLog.Traits(("phone", Spellings.Phone(s.Phone!, p.Random.Next(Spellings.Common, Spellings.All)))));
    }

    private void PlaceholderEmail(Shopper s, DateTimeOffset at)
    {
        at = WebVisit(s, p.Cookie(), at, Traits(s, phone: false, memberId: false, card: true));
        for (var sale = p.Random.Next(1, 4); sale > 0; sale--)
            at = TillSale(s, p.Random.Next(stores), p.Within(at, 30), EventLog.Traits(("loyalty_card", s.Card), ("email", p.Pick(Spellings.PlaceholderEmails))));
    }

    /// <summary>An account replaced by a new one a year on, the old id aliased to the new; half the new ids sort before the old.</summary>
    private void AliasedUserIds(Shopper s, DateTimeOffset at)
    {
        var old = s.UserId!;
        at = WebVisit(s, p.Cookie(), at, EventLog.Traits(("name", s.Name)));
        s.UserId = p.UserId();
        at = WebVisit(s, p.Cookie(), p.Within(at.AddDays(300), 60), EventLog.Traits(("name", s.Name), ("email", s.Email)));
        s.Owns("email", s.Email);
        log.Alias("web", at, old, s.UserId);
        log.Track("web", at.AddMinutes(5), "Product Viewed", s.UserId, null, null);
    }
}
