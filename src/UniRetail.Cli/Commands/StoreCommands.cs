using System.CommandLine;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Server;
using UniRetail.Store.MemberCodes;

namespace UniRetail.Cli.Commands;

/// <summary>
/// <c>uniretail store member-code issue|scan</c>: the member code as the app asks for it and a till scans it, through the same
/// handlers as the API; <c>uniretail member-code show</c> is the issue command under the name the app's users know.
/// </summary>
internal static class StoreCommands
{
    public static Command Create()
    {
        var store = StoreArgument.Create();
        var code = new Argument<string>("code") { Description = "The member code as scanned (40 characters)" };
        var scan = new Command("scan", "Scan a member code at a store's till, once: the member (JSON) and their visit recorded") { store, code, ImportCommands.Tenant };
        scan.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var at = await StoreArgument.ResolveAsync(host, result, store, ct);
            if (!at.IsSuccess)
                return CliOutput.Fail(at.Error);
            return CliOutput.Print(await host.Get<ScanMemberCode>().HandleAsync(Caller.AdminOf(at.Value.Tenant), at.Value.Store, new ScanMemberCodeRequest(result.GetValue(code)), ct));
        });
        return new Command("store", "The store: member codes (会员码)") { new Command("member-code", "Issue and scan member codes") { Issue("issue"), scan } };
    }

    /// <summary><c>uniretail member-code show MEMBER --png FILE</c>: the same as <c>store member-code issue</c>.</summary>
    public static Command MemberCode() =>
        new("member-code", "The member code (会员码) as the member's app shows it") { Issue("show") };

    private static Command Issue(string name)
    {
        var member = new Argument<string>("member") { Description = "The member id (mem_…)" };
        var wallet = new Option<bool>("--wallet") { Description = "Let the till take payment from the member's wallet with this code" };
        var png = new Option<FileInfo?>("--png") { Description = "Also write the QR code to this PNG file" };
        var svg = new Option<FileInfo?>("--svg") { Description = "Also write the Code 128 barcode to this SVG file" };
        var issue = new Command(name, "Issue a member code (JSON) as the app does, valid for the configured lifetime") { member, wallet, png, svg, ImportCommands.Tenant };
        issue.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) =>
        {
            var issued = await host.Get<IssueMemberCode>().HandleAsync(admin, new MemberId(result.GetValue(member)!.Trim()), new IssueMemberCodeRequest(result.GetValue(wallet)), ct);
            if (!issued.IsSuccess)
                return CliOutput.Fail(issued.Error);
            var memberId = new MemberId(issued.Value.MemberId);
            foreach (var (file, drawn) in new[] { (result.GetValue(png), "qr.png"), (result.GetValue(svg), "code128.svg") })
            {
                if (file is null)
                    continue;
                var image = await host.Get<MemberCodeImage>().RenderAsync(admin, memberId, issued.Value.Code, drawn, ct);
                if (!image.IsSuccess)
                    return CliOutput.Fail(image.Error);
                await File.WriteAllBytesAsync(file.FullName, image.Value.Content, ct);
            }
            CliOutput.WriteJson(issued.Value);
            return CliOutput.Ok;
        }, ct));
        return issue;
    }
}

/// <summary>A store as commands take it: its id (<c>loc_…</c>) or its code, within the <c>--tenant</c>.</summary>
internal static class StoreArgument
{
    public static Argument<string> Create() => new("store") { Description = "The store: its id (loc_…) or its code" };

    public static async Task<Result<(TenantId Tenant, LocationId Store)>> ResolveAsync(ModuleContainer host, ParseResult result, Argument<string> store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(result);
        var tenant = await TenantArgument.ResolveAsync(host, result.GetValue(ImportCommands.Tenant), ct);
        if (!tenant.IsSuccess)
            return tenant.Error;
        var text = result.GetValue(store)!.Trim();
        var locations = await host.Get<ILocationDirectory>().ListAsync(tenant.Value, ct);
        var found = locations.FirstOrDefault(l => l.Id.Value == text) ?? locations.FirstOrDefault(l => string.Equals(l.Code, text, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? Error.NotFound("store.unknown_store", $"No store has the id or code '{text}' in this tenant.", "store")
            : (tenant.Value, found.Id);
    }
}
