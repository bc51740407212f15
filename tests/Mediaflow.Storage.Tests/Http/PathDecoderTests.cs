using Mediaflow.Storage.Http;

namespace Mediaflow.Storage.Tests.Http;

public sealed class PathDecoderTests
{
    [Theory]
    [InlineData("/b/plain", "/b/plain")]
    [InlineData("/b/a%20b%2Bc", "/b/a b+c")]
    [InlineData("/b/caf%C3%A9", "/b/café")]
    [InlineData("/b/cafe%CC%81", "/b/cafe\u0301")]
    [InlineData("/b/%2E%2E/x", "/b/../x")]
    public void Decode_ValidEscapes_Utf8Text(string raw, string expected) => Assert.Equal(expected, PathDecoder.Decode(raw));

    [Theory]
    [InlineData("/b/%FF")]
    [InlineData("/b/%C3")]
    [InlineData("/b/%ED%A0%80")]
    [InlineData("/b/%zz")]
    [InlineData("/b/%4")]
    public void Decode_NotUtf8OrBrokenEscape_InvalidUri(string raw)
    {
        var error = Assert.Throws<StorageException>(() => PathDecoder.Decode(raw));

        Assert.Equal(StorageErrorCode.InvalidURI, error.Code);
    }
}
