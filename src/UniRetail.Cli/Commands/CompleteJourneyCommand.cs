using System.CommandLine;
using UniRetail.Cli.CompleteJourney;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Persistence;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class CompleteJourneyCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The completejourney-2 folder (campaign_descriptions.csv, campaigns.csv, coupons.csv.gz, coupon_redemptions.csv)" };
        var command = new Command("completejourney-coupons",
            "Import The Complete Journey's coupon campaigns, coupons, households (as members) and coupon redemptions into a tenant's loyalty coupons")
            { directory, ImportCommands.Tenant };
        command.SetAction(async (result, ct) =>
        {
            var dir = result.GetValue(directory)!;
            if (!dir.Exists)
                return CliOutput.Fail($"no such folder: {dir.FullName}");
            CompleteJourneyFiles files;
            try
            {
                files = CompleteJourneyFiles.Read(dir.FullName);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                return CliOutput.Fail(ex.Message);
            }
            return await TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) =>
            {
                var summary = await Importer(host).RunAsync(admin.Tenant, files, ct);
                Console.WriteLine($"campaigns: {summary.Campaigns} ({summary.CampaignsCreated} new), coupon codes: {summary.Codes} ({summary.CodesCreated} new)");
                Console.WriteLine($"households: {summary.Households} ({summary.MembersCreated} new members)");
                Console.WriteLine($"redemptions: {summary.Redemptions} read, {summary.Redeemed} applied, {summary.Replayed} already there, "
                    + $"{summary.Refused.Values.Sum()} refused{string.Concat(summary.Refused.Select(r => $" ({r.Key}: {r.Value})"))}");
                return CliOutput.Ok;
            }, ct);
        });
        return command;
    }

    internal static CompleteJourneyImport Importer(ModuleContainer host) =>
        new(host.Get<Database>(), host.Get<RegisterMembers>(), host.Get<IMemberDirectory>(), host.Get<ManageCoupons>(), host.Get<CouponStore>(),
            host.Get<ILoyaltyBenefits>(), host.Get<ITenantDirectory>());
}
