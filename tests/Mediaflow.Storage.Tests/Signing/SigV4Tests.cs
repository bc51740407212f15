using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Signing;

/// <summary>Vectors from the AWS S3 SigV4 documentation examples (example credentials, 20130524T000000Z).</summary>
public sealed class SigV4Tests
{
    internal const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    internal static readonly DateTimeOffset Timestamp = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    internal static readonly string Scope = "20130524/us-east-1/s3/aws4_request";

    [Fact]
    public void Sign_AwsGetObjectExample_MatchesDocumentedSignature()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "examplebucket.s3.amazonaws.com",
            ["range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = SigV4.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
        };
        var request = new SignedRequest("GET", "/test.txt", [], name => headers.GetValueOrDefault(name));

        var canonical = CanonicalRequest.Build(request, ["host", "range", "x-amz-content-sha256", "x-amz-date"], SigV4.EmptySha256);
        var key = SigV4.DeriveSigningKey(SecretKey, "20130524", "us-east-1", "s3");
        var signature = SigV4.Sign(key, SigV4.StringToSign(Timestamp, Scope, canonical));

        Assert.Equal("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", signature);
    }

    [Fact]
    public void Sign_AwsChunkedPutSeed_MatchesDocumentedSeedSignature()
    {
        var signature = ChunkedExample.SeedSignature();

        Assert.Equal("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9", signature);
    }

    [Fact]
    public void ExpectedChunkSignature_AwsChunkedPutExample_MatchesDocumentedChain()
    {
        var chain = new ChunkSignatureChain(ChunkedExample.SigningKey, Timestamp, Scope, ChunkedExample.SeedSignature());

        var first = chain.ExpectedChunkSignature(Sha256Hex(new byte[65536], (byte)'a'));
        chain.Accept(first, first);
        var second = chain.ExpectedChunkSignature(Sha256Hex(new byte[1024], (byte)'a'));
        chain.Accept(second, second);
        var last = chain.ExpectedChunkSignature(SigV4.EmptySha256);

        Assert.Equal("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648", first);
        Assert.Equal("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497", second);
        Assert.Equal("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9", last);
    }

    [Fact]
    public void UriEncode_KeyWithSpacesAndUnicode_EncodesOnceKeepingSlashes()
    {
        Assert.Equal("/bucket/dir%20a/v%C3%ADdeo%281%29~_.-.mp4", SigV4.UriEncode("/bucket/dir a/vídeo(1)~_.-.mp4", keepSlash: true));
        Assert.Equal("a%2Fb%3D", SigV4.UriEncode("a/b=", keepSlash: false));
    }

    [Fact]
    public void CanonicalQuery_UnsortedWithBareKey_SortsAndAddsEmptyValue()
    {
        var query = new List<KeyValuePair<string, string>> { new("prefix", "a b"), new("uploads", string.Empty), new("max-keys", "2") };

        Assert.Equal("max-keys=2&prefix=a%20b&uploads=", CanonicalRequest.CanonicalQuery(query, null));
    }

    private static string Sha256Hex(byte[] data, byte fill)
    {
        Array.Fill(data, fill);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
    }
}
