namespace UniRetail.Store.MemberCodes;

/// <summary>The body of <c>POST /api/members/{id}/member-code</c>: <c>wallet</c> true lets the till take payment from the member's wallet.</summary>
internal sealed record IssueMemberCodeRequest(bool? Wallet);

/// <summary>Where the code is drawn: the QR as PNG and SVG, the Code 128 barcode as SVG.</summary>
internal sealed record MemberCodeImages(string QrPng, string QrSvg, string BarcodeSvg);

/// <summary>A member code as the app shows it; <see cref="MemberId"/> is the member it identifies (the survivor of a merge).</summary>
internal sealed record MemberCodeView(string Code, string MemberId, DateTimeOffset ExpiresAt, bool WalletPayment, MemberCodeImages Images);

/// <summary>The body of a scan at the till.</summary>
internal sealed record ScanMemberCodeRequest(string? Code);

/// <summary>
/// Who a scanned code identifies: the member now (<see cref="IssuedFor"/> names the member it was issued for when they have
/// been merged since), their tier, whether the code lets the till take the wallet, and the visit bonus the scan earned.
/// </summary>
internal sealed record MemberCodeScanView(
    string MemberId, string? DisplayName, string? Tier, bool WalletPayment, long VisitPoints, string StoreId, DateTimeOffset ScannedAt, string? IssuedFor);
