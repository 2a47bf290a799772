using QRCoder;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using ZXing;
using ZXing.Common;

namespace UniRetail.Store.MemberCodes;

/// <summary>An image of a code and its media type.</summary>
internal sealed record RenderedImage(byte[] Content, string ContentType);

/// <summary>
/// Draws a member code: the QR code with QRCoder (PNG and SVG; error correction M, which a phone screen at a scanner
/// needs, not more) and the Code 128 barcode with ZXing.Net (SVG, for 1D scanners). Only signed codes of the caller's
/// tenant issued for the member named are drawn, so the endpoint is not a free image service.
/// </summary>
internal sealed class MemberCodeImage(MemberCodeSigner signer, Persistence.MemberCodeStore codes, Data.Database database)
{
    private const int PixelsPerModule = 8;

    /// <summary>The code drawn as <paramref name="image"/>: <c>qr.png</c>, <c>qr.svg</c> or <c>code128.svg</c>.</summary>
    public async Task<Result<RenderedImage>> RenderAsync(Caller caller, MemberId member, string code, string? image, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (kind, type) = image?.Trim().ToLowerInvariant() switch
        {
            "qr.png" => ("qr", "png"),
            "qr.svg" => ("qr", "svg"),
            "code128.svg" => ("code128", "svg"),
            _ => ("", ""),
        };
        if (kind.Length == 0)
            return StoreErrors.BadImage(image, "image");
        if (signer.Verify(caller.Tenant, code) is not { } claims
            || await database.ReadAsync(c => codes.FindAsync(c, caller.Tenant, claims.CodeId), ct) is not { } issued
            || issued.Member != member)
            return StoreErrors.MemberCodeInvalid("code");
        var text = code.Trim().ToUpperInvariant();
        return kind == "code128" ? Barcode(text) : Qr(text, type);
    }

    private static RenderedImage Qr(string text, string type)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return type == "png"
            ? new RenderedImage(new PngByteQRCode(data).GetGraphic(PixelsPerModule), "image/png")
            : new RenderedImage(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(PixelsPerModule)), "image/svg+xml");
    }

    private static RenderedImage Barcode(string text)
    {
        var writer = new BarcodeWriterSvg
        {
            Format = BarcodeFormat.CODE_128,
            Options = new EncodingOptions { Height = 120, Width = 0, Margin = 10, PureBarcode = true },
        };
        return new RenderedImage(System.Text.Encoding.UTF8.GetBytes(writer.Write(text).Content), "image/svg+xml");
    }
}
