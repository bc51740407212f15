using Mediaflow.Storage.Objects;

namespace Mediaflow.Storage.Tests.Objects;

public sealed class EncodedWordsTests
{
    [Theory]
    [InlineData("=?UTF-8?B?5Lit5paH?=", "中文")]
    [InlineData("=?utf-8?b?5Lit5paH?=", "中文")]
    [InlineData("=?UTF-8?Q?caf=C3=A9_au_lait?=", "café au lait")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("=?ISO-8859-1?Q?caf=E9?=", "=?ISO-8859-1?Q?caf=E9?=")]
    [InlineData("=?UTF-8?B?not base64!?=", "=?UTF-8?B?not base64!?=")]
    [InlineData("=?UTF-8?B?/w==?=", "=?UTF-8?B?/w==?=")]
    public void Decode_Values_Utf8WordsDecodedOthersVerbatim(string header, string expected) =>
        Assert.Equal(expected, EncodedWords.Decode(header));

    [Theory]
    [InlineData("中文")]
    [InlineData("café au lait")]
    [InlineData("line\nbreak")]
    public void Encode_NonAsciiOrControl_RoundTripsThroughDecode(string value)
    {
        var encoded = EncodedWords.Encode(value);

        Assert.StartsWith("=?UTF-8?B?", encoded, StringComparison.Ordinal);
        Assert.Equal(value, EncodedWords.Decode(encoded));
    }

    [Fact]
    public void Encode_PrintableAscii_Unchanged() => Assert.Equal("camera-7 (left)", EncodedWords.Encode("camera-7 (left)"));
}
