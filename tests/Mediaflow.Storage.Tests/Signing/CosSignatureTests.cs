using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Signing;

/// <summary>The q-sign test vector of mps-api.md §15.3.</summary>
public sealed class CosSignatureTests
{
    private const string KeyTime = "1700000000;1700000900";

    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("Host", "test-1250000000.cos.ap-guangzhou.myqcloud.com"),
        new("Content-Length", "11"),
    ];

    [Fact]
    public void SignKey_SpecVector_MatchesSpec()
    {
        Assert.Equal("472ce45f70b562f91089efd947ae913134e4b890", CosSignature.SignKey("SECRETKEYEXAMPLE", KeyTime));
    }

    [Fact]
    public void StringToSign_SpecVector_HasSpecFormatStringHash()
    {
        var format = CosSignature.FormatString("PUT", "/input/a b.mp4", [], Headers);

        Assert.Equal("put\n/input/a b.mp4\n\ncontent-length=11&host=test-1250000000.cos.ap-guangzhou.myqcloud.com\n", format);
        Assert.Equal($"sha1\n{KeyTime}\n92703cf0cd7a0fffc3b3812d01042626932c0e36\n", CosSignature.StringToSign(KeyTime, format));
    }

    [Fact]
    public void Sign_SpecVector_MatchesSpecSignature()
    {
        var format = CosSignature.FormatString("PUT", "/input/a b.mp4", [], Headers);

        Assert.Equal("655f235692bedcc33d76302bcfcd5557b867d87b", CosSignature.Sign("SECRETKEYEXAMPLE", KeyTime, format));
        Assert.Equal("content-length;host", CosSignature.NameList(Headers));
    }

    [Fact]
    public void Parse_SdkAuthorization_ReadsAllFields()
    {
        var auth = CosAuthorization.Parse("q-sign-algorithm=sha1&q-ak=AKIDcos&q-sign-time=1;2&q-key-time=1;2&q-header-list=content-length;host&q-url-param-list=&q-signature=abc");

        Assert.NotNull(auth);
        Assert.Equal("AKIDcos", auth.SecretId);
        Assert.Equal(["content-length", "host"], auth.HeaderList);
        Assert.Empty(auth.UrlParamList);
    }
}
