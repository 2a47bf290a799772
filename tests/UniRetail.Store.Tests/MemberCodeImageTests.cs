using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using StbImageSharp;
using UniRetail.Data;
using UniRetail.Data.Secrets;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.MemberCodes;
using UniRetail.Testing;
using Xunit;
using ZXing;
using ZXing.Common;

namespace UniRetail.Store.Tests;

public abstract class MemberCodeImageTests(DatabaseProvider provider) : StoreDatabaseTest(provider)
{
    private async Task<(MemberId Member, string Code)> AnIssuedCodeAsync()
    {
        var member = await NewMemberAsync();
        var issued = await Get<IssueMemberCode>().HandleAsync(Admin, member, null, Ct);
        return (member, issued.Value.Code);
    }

    [Fact]
    public async Task RenderAsync_QrPng_DecodesToTheIssuedCode()
    {
        var (member, code) = await AnIssuedCodeAsync();

        var png = await Get<MemberCodeImage>().RenderAsync(Admin, member, code, "qr.png", Ct);

        Assert.Equal("image/png", png.Value.ContentType);
        Assert.Equal(code, Decodes.Png(png.Value.Content, BarcodeFormat.QR_CODE));
    }

    [Fact]
    public async Task RenderAsync_QrSvgAndCode128Svg_DrawTheIssuedCode()
    {
        var (member, code) = await AnIssuedCodeAsync();

        var qr = await Get<MemberCodeImage>().RenderAsync(Admin, member, code, "QR.svg", Ct);
        var barcode = await Get<MemberCodeImage>().RenderAsync(Admin, member, code, "code128.svg", Ct);

        Assert.Equal("image/svg+xml", qr.Value.ContentType);
        Assert.Equal("svg", XDocument.Parse(Encoding.UTF8.GetString(qr.Value.Content)).Root!.Name.LocalName);
        Assert.Equal(code, Decodes.BarcodeSvg(barcode.Value.Content));
    }

    [Fact]
    public async Task RenderAsync_AnotherMembersOrAForgedCodeOrABadFormat_IsRefused()
    {
        var (_, code) = await AnIssuedCodeAsync();
        var other = await NewMemberAsync("Charles Babbage");
        var images = Get<MemberCodeImage>();

        Assert.Equal("store.member_code_invalid", (await images.RenderAsync(Admin, other, code, "qr.png", Ct)).ShouldFail().Code);
        Assert.Equal("store.member_code_invalid", (await images.RenderAsync(Admin, other, new string('B', 40), "qr.png", Ct)).ShouldFail().Code);
        foreach (var image in new[] { "qr.gif", "code128.png", "ean13.svg", "" })
            Assert.Equal(("store.bad_image", "image"), ((await images.RenderAsync(Admin, other, code, image, Ct)).ShouldFail().Code, (await images.RenderAsync(Admin, other, code, image, Ct)).ShouldFail().Field));
    }
}

public sealed class MemberCodeImageSqliteTests() : MemberCodeImageTests(DatabaseProvider.Sqlite);

public sealed class MemberCodeImagePostgresTests() : MemberCodeImageTests(DatabaseProvider.Postgres);

public sealed class MemberCodeSignerTests
{
    private static readonly TenantId Camden = new("ten_camden"), Hoxton = new("ten_hoxton");
    private static readonly byte[] V1 = RandomNumberGenerator.GetBytes(32), V2 = RandomNumberGenerator.GetBytes(32);

    private static string ACode(MemberCodeSigner signer, TenantId tenant, bool wallet = false) =>
        signer.Sign(tenant, MemberCodeToken.Unsigned(signer.CurrentVersion, wallet, new DateTimeOffset(2026, 11, 11, 0, 1, 0, TimeSpan.Zero)));

    [Fact]
    public void Verify_AfterTheKeyringRotates_StillAcceptsCodesOfTheOlderKey()
    {
        var before = new MemberCodeSigner(new ServerKeyring(new Dictionary<int, byte[]> { [1] = V1 }));
        var after = new MemberCodeSigner(new ServerKeyring(new Dictionary<int, byte[]> { [1] = V1, [2] = V2 }));

        var old = ACode(before, Camden, wallet: true);
        var fresh = ACode(after, Camden);

        Assert.Equal((1, true), (after.Verify(Camden, old)!.KeyVersion, after.Verify(Camden, old)!.Wallet));
        Assert.Equal(2, after.Verify(Camden, fresh)!.KeyVersion);
        Assert.Null(before.Verify(Camden, fresh));
    }

    [Fact]
    public void Verify_AnotherTenantOrAnotherServersKey_IsNull()
    {
        var signer = new MemberCodeSigner(new ServerKeyring(new Dictionary<int, byte[]> { [1] = V1 }));
        var stranger = new MemberCodeSigner(new ServerKeyring(new Dictionary<int, byte[]> { [1] = V2 }));
        var code = ACode(signer, Camden);

        Assert.Equal(MemberCodeToken.Length, code.Length);
        Assert.All(code, c => Assert.True(char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7'));
        Assert.NotNull(signer.Verify(Camden, code));
        Assert.Null(signer.Verify(Hoxton, code));
        Assert.Null(stranger.Verify(Camden, code));
    }
}

/// <summary>Reads codes back out of images the way a scanner does: ZXing.Net on the pixels.</summary>
internal static class Decodes
{
    public static string? Png(byte[] png, BarcodeFormat format)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [format], PureBarcode = true } }.Decode(source)?.Text;
    }

    /// <summary>Rasterises the barcode's rectangles (ZXing draws the bars only, in the root's black fill) into a grey image (one pixel per SVG unit) and decodes it.</summary>
    public static string? BarcodeSvg(byte[] svg)
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(svg)).Root!;
        var box = root.Attribute("viewBox")!.Value.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (width, height) = (box[2], box[3]);
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var rect in root.Descendants().Where(e => e.Name.LocalName == "rect"))
        {
            double Read(string name) => double.Parse(rect.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
            int x0 = (int)Read("x"), y0 = (int)Read("y"), x1 = (int)(Read("x") + Read("width")), y1 = (int)(Read("y") + Read("height"));
            for (var y = Math.Max(0, y0); y < Math.Min(height, y1); y++)
                for (var x = Math.Max(0, x0); x < Math.Min(width, x1); x++)
                    pixels[(y * width) + x] = 0;
        }
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        return new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], PureBarcode = true } }.Decode(source)?.Text;
    }
}
