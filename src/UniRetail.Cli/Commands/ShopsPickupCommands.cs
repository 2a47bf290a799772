using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Network.PickupPoints;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail shops pickup-point | pickup-points | parcels | pickup-fees</c>: shops as pickup points, through the API's handlers.</summary>
internal static class ShopsPickupCommands
{
    public static Command PickupPoint()
    {
        var agreement = new Option<string>("--agreement") { Description = "The shop's agreement (agr_…)", Required = true };
        var address = new Option<string?>("--address") { Description = "The counter's address" };
        var lat = new Option<double?>("--lat") { Description = "Latitude of the counter" };
        var lon = new Option<double?>("--lon") { Description = "Longitude of the counter" };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone (default Etc/UTC)" };
        var hours = new Option<string[]>("--hours") { Description = "Opening hours, day=HH:mm-HH:mm (repeat; none: always open)", AllowMultipleArgumentsPerToken = true };
        var capacity = new Option<int?>("--capacity") { Description = "Parcels the counter takes a day" };
        var fee = new Option<decimal?>("--fee") { Description = "Fee per parcel handed over, in the platform's currency" };
        var holdDays = new Option<int?>("--hold-days") { Description = "Days a parcel waits before it may go back (default 7)" };
        var stop = new Option<bool>("--stop") { Description = "The shop stops being a pickup point" };
        var command = new Command("pickup-point", "Make a shop of the platform a pickup point, change its terms, or stop it (--stop)")
            { ImportCommands.Tenant, agreement, address, lat, lon, zone, hours, capacity, fee, holdDays, stop };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var manage = host.Get<ManagePickupPoints>();
            if (result.GetValue(stop))
            {
                var stopped = await manage.StopAsync(caller, result.GetValue(agreement)!, ct);
                if (!stopped.IsSuccess)
                    return CliOutput.Fail(stopped.Error);
                Console.WriteLine($"pickup point {stopped.Value.Code} stopped: routing sends it no new parcels");
                return CliOutput.Ok;
            }
            var map = new Dictionary<string, string>();
            foreach (var entry in result.GetValue(hours) ?? [])
            {
                var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                    return CliOutput.Fail(Error.Validation("network.bad_opening_hours", $"'{entry}' is not day=HH:mm-HH:mm.", "--hours"));
                map[parts[0]] = parts[1];
            }
            var set = await manage.SetAsync(caller, result.GetValue(agreement)!, new PickupPointRequest(
                result.GetValue(address), result.GetValue(lat), result.GetValue(lon), result.GetValue(zone), map, result.GetValue(capacity),
                result.GetValue(fee), result.GetValue(holdDays)), ct);
            if (!set.IsSuccess)
                return CliOutput.Fail(set.Error);
            var p = set.Value;
            Console.WriteLine($"pickup point {p.Code} ({p.ShopName}): location {p.LocationId}, {p.ParcelCapacity} parcels a day, " +
                $"{p.FeePerParcel.Amount:N2} {p.FeePerParcel.Currency} a parcel, parcels wait {p.HoldDays} days");
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    public static Command PickupPoints()
    {
        var lat = new Option<double?>("--lat") { Description = "The customer's latitude (with --lon: nearest first)" };
        var lon = new Option<double?>("--lon") { Description = "The customer's longitude" };
        var limit = new Option<int?>("--limit") { Description = "How many (1-50, default 10)" };
        var command = new Command("pickup-points", "The platform's pickup points near a position: distance, hours, open now, parcels left today") { ImportCommands.Tenant, lat, lon, limit };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var near = await host.Get<FindPickupPoints>().NearAsync(caller, result.GetValue(lat), result.GetValue(lon), result.GetValue(limit), ct);
            if (!near.IsSuccess)
                return CliOutput.Fail(near.Error);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("point", "shop", "location", "km", "open now", "parcels left today");
            foreach (var p in near.Value.Points)
                table.AddRow(p.Code, Markup.Escape(p.ShopName), p.LocationId, p.DistanceKm.ToString("0.00", CultureInfo.InvariantCulture), p.OpenNow ? "yes" : "no",
                    $"{p.ParcelsLeftToday} of {p.ParcelCapacity}");
            AnsiConsole.Write(table);
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    public static Command Parcels()
    {
        var status = new Option<string?>("--status") { Description = "expected, arrived, handed_over, returned or cancelled" };
        var arrive = new Option<string?>("--arrive") { Description = "Mark this parcel (pcl_…) arrived" };
        var handover = new Option<string?>("--handover") { Description = "Hand this parcel (pcl_…) over; give --code" };
        var code = new Option<string?>("--code") { Description = "The customer's handover code" };
        var back = new Option<string?>("--return") { Description = "Send this uncollected parcel (pcl_…) back" };
        var command = new Command("parcels", "A shop's counter: its parcels, or mark one arrived, hand one over, send one back") { ImportCommands.Tenant, status, arrive, handover, code, back };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var counter = host.Get<ParcelCounter>();
            Result<ParcelView>? moved = null;
            if (result.GetValue(arrive) is { } a)
                moved = await counter.ArriveAsync(caller, a, ct);
            else if (result.GetValue(handover) is { } h)
                moved = await counter.HandOverAsync(caller, h, new HandoverRequest(result.GetValue(code)), ct);
            else if (result.GetValue(back) is { } r)
                moved = await counter.ReturnAsync(caller, r, ct);
            if (moved is { } one)
            {
                if (!one.IsSuccess)
                    return CliOutput.Fail(one.Error);
                Console.WriteLine($"parcel {one.Value.Id} ({one.Value.Label}): {one.Value.Status}" + (one.Value.Fee is { } fee ? $", fee {fee.Amount:N2} {fee.Currency}" : ""));
                return CliOutput.Ok;
            }
            var list = await counter.ListAsync(caller, result.GetValue(status), ct);
            if (!list.IsSuccess)
                return CliOutput.Fail(list.Error);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("parcel", "label", "status", "placed", "arrived", "may go back from");
            foreach (var p in list.Value.Parcels)
                table.AddRow(p.Id, p.Label, p.Status, $"{p.PlacedAt:yyyy-MM-dd HH:mm}", p.ArrivedAt is { } at ? $"{at:yyyy-MM-dd HH:mm}" : "",
                    p.ReturnableFrom is { } from ? $"{from:yyyy-MM-dd HH:mm}" : "");
            AnsiConsole.Write(table);
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    public static Command Fees()
    {
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "Day after the last (yyyy-MM-dd)", Required = true };
        var command = new Command("pickup-fees", "Per shop of the platform: parcels handed over in the period and the fees they earned") { ImportCommands.Tenant, from, to };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var report = await host.Get<PickupFees>().OfPlatformAsync(caller, result.GetValue(from), result.GetValue(to), ct);
            if (!report.IsSuccess)
                return CliOutput.Fail(report.Error);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("shop", "parcels", "fees");
            foreach (var s in report.Value.Shops)
                table.AddRow(Markup.Escape($"{s.ShopName} ({s.ShopId})"), s.Parcels.ToString(CultureInfo.InvariantCulture), $"{s.Fees.Amount:N2} {s.Fees.Currency}");
            table.AddRow("all shops", report.Value.Parcels.ToString(CultureInfo.InvariantCulture), $"{report.Value.Fees.Amount:N2} {report.Value.Fees.Currency}");
            AnsiConsole.Write(table);
            return CliOutput.Ok;
        }, ct));
        return command;
    }
}
