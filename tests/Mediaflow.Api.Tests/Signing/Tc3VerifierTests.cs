using System.Text;
using Mediaflow.Api.Signing;
using Mediaflow.Api.Tests.TestSupport;
using Mediaflow.Domain.Accounts;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Tests.Signing;

public sealed class Tc3VerifierTests
{
    // reference/mps-api.md §2.2
    private const string SecretId = "AKIDEXAMPLE";
    private const string SecretKey = "SECRETKEYEXAMPLE";
    private const long VectorTimestamp = 1700000000;
    private const string VectorBody = """{"ScheduleId":12345}""";
    private const string VectorBodySha256 = "e92fb30174da61d9742f0b7018f333f12b89848911f9671d7335487b8af414c8";
    private const string PythonVectorCanonicalRequestSha256 = "dfd520624271efc267180ad53c88fde9453ce02a8d622ad450a535eb2a5f453c";
    private const string PythonVectorSignature = "504fefed4ae837e0874044af6429cef477456018f70a8e992669f8c36a3fe963";
    private const string NodeVectorSignature = "69022832488b549e886b457d1f145ba64177ad9551297afa33e997210f7a7b3b";

    private static readonly DateTimeOffset VectorNow = DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp);
    private readonly TestCredentials credentials = new();
    private readonly AccessKey key;

    public Tc3VerifierTests()
    {
        key = new AccessKey(1250000000, SecretId, SecretKey, AccessKeyStatus.Enabled);
        credentials.Add(key);
    }

    [Fact]
    public void Verify_PythonTestVector_AcceptsAndReturnsKey()
    {
        var request = Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature));

        Assert.Equal(key, Tc3Verifier.Verify(request, VectorNow, credentials));
    }

    [Fact]
    public void Signature_PythonTestVector_IntermediatesMatch()
    {
        var bodyHash = Tc3Signature.Sha256Hex(Encoding.UTF8.GetBytes(VectorBody));
        var canonicalRequest = Tc3Signature.CanonicalRequest(
            "POST", "", "content-type:application/json\nhost:mps.tencentcloudapi.com\n", "content-type;host", bodyHash);
        var stringToSign = Tc3Signature.StringToSign("1700000000", "2023-11-14", "mps", canonicalRequest);

        Assert.Equal(VectorBodySha256, bodyHash);
        Assert.Equal(PythonVectorCanonicalRequestSha256, Tc3Signature.Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest)));
        Assert.Equal(PythonVectorSignature, Tc3Signature.Sign(Tc3Signature.SigningKey(SecretKey, "2023-11-14", "mps"), stringToSign));
    }

    [Fact]
    public void Verify_NodeTestVector_HostWithoutPortAndService127_Accepts()
    {
        // Node signed host "127.0.0.1" while the Host header carries the port.
        var request = Request("127.0.0.1:18080", Authorization("127", NodeVectorSignature));

        Assert.Equal(key, Tc3Verifier.Verify(request, VectorNow, credentials));
    }

    [Theory]
    [InlineData("mps", "mps.tencentcloudapi.com", PythonVectorSignature)]
    [InlineData("127", "127.0.0.1", NodeVectorSignature)]
    public void TestSigner_TestVectors_ProducesVectorSignatures(string service, string host, string signature)
    {
        var authorization = TestTc3Signer.Authorization(SecretId, SecretKey, VectorTimestamp, service, host, "application/json", Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(Authorization(service, signature), authorization);
    }

    [Fact]
    public void Verify_PythonStyleHostWithPort_Accepts()
    {
        var authorization = TestTc3Signer.Authorization(SecretId, SecretKey, VectorTimestamp, "mps", "127.0.0.1:18080", "application/json", Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(key, Tc3Verifier.Verify(Request("127.0.0.1:18080", authorization), VectorNow, credentials));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public void Verify_TimestampWithin300Seconds_Accepts(int skew)
    {
        var request = Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature));

        Assert.Equal(key, Tc3Verifier.Verify(request, VectorNow.AddSeconds(skew), credentials));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86400)]
    public void Verify_TimestampMoreThan300SecondsAway_SignatureExpire(int skew)
    {
        var request = Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature));

        AssertRefused(ApiErrorCodes.SignatureExpire, request, VectorNow.AddSeconds(skew));
    }

    [Fact]
    public void Verify_TamperedBody_SignatureFailure()
    {
        var request = Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature), body: """{"ScheduleId":12346}""");

        AssertRefused(ApiErrorCodes.SignatureFailure, request, VectorNow);
    }

    [Fact]
    public void Verify_WrongSecret_SignatureFailure()
    {
        var authorization = TestTc3Signer.Authorization(SecretId, "not-the-secret", VectorTimestamp, "mps", "mps.tencentcloudapi.com", "application/json", Encoding.UTF8.GetBytes(VectorBody));

        AssertRefused(ApiErrorCodes.SignatureFailure, Request("mps.tencentcloudapi.com", authorization), VectorNow);
    }

    [Fact]
    public void Verify_OtherHost_SignatureFailure()
    {
        AssertRefused(ApiErrorCodes.SignatureFailure, Request("mps.example.com", Authorization("mps", PythonVectorSignature)), VectorNow);
    }

    [Fact]
    public void Verify_ServiceNotTheSigned_SignatureFailure()
    {
        // The service comes from the credential scope; a scope claiming another service than was signed fails.
        AssertRefused(ApiErrorCodes.SignatureFailure, Request("mps.tencentcloudapi.com", Authorization("cvm", PythonVectorSignature)), VectorNow);
    }

    [Fact]
    public void Verify_ScopeDateNotTheTimestampsDate_SignatureFailure()
    {
        var authorization = Authorization("mps", PythonVectorSignature).Replace("2023-11-14", "2023-11-15", StringComparison.Ordinal);

        AssertRefused(ApiErrorCodes.SignatureFailure, Request("mps.tencentcloudapi.com", authorization), VectorNow);
    }

    [Fact]
    public void Verify_UnknownSecretId_SecretIdNotFound()
    {
        var authorization = Authorization("mps", PythonVectorSignature).Replace(SecretId, "AKIDUNKNOWN", StringComparison.Ordinal);

        AssertRefused(ApiErrorCodes.SecretIdNotFound, Request("mps.tencentcloudapi.com", authorization), VectorNow);
    }

    [Fact]
    public void Verify_DisabledKey_SecretIdNotFound()
    {
        credentials.Add(key with { Status = AccessKeyStatus.Disabled });

        AssertRefused(ApiErrorCodes.SecretIdNotFound, Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature)), VectorNow);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SKIP")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/mps/tc3_request, SignedHeaders=content-type;host, Signature=504FEFED4AE837E0874044AF6429CEF477456018F70A8E992669F8C36A3FE963")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/mps/tc3_request, SignedHeaders=content-type;host, Signature=504fefed")]
    [InlineData("HMAC-SHA1 Credential=AKIDEXAMPLE/2023-11-14/mps/tc3_request, SignedHeaders=content-type;host, Signature=504fefed4ae837e0874044af6429cef477456018f70a8e992669f8c36a3fe963")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/mps/tc3_request, SignedHeaders=content-type, Signature=504fefed4ae837e0874044af6429cef477456018f70a8e992669f8c36a3fe963")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/mps/tc3_request, SignedHeaders=content-type;host, Signature=504fefed4ae837e0874044af6429cef477456018f70a8e992669f8c36a3fe963\n")]
    public void Verify_MissingOrMalformedAuthorization_InvalidAuthorization(string? authorization)
    {
        AssertRefused(ApiErrorCodes.InvalidAuthorization, Request("mps.tencentcloudapi.com", authorization), VectorNow);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1700000000")]
    [InlineData("1700000000.5")]
    public void Verify_MissingOrMalformedTimestamp_InvalidAuthorization(string? timestamp)
    {
        var request = Request("mps.tencentcloudapi.com", Authorization("mps", PythonVectorSignature), timestamp: timestamp);

        AssertRefused(ApiErrorCodes.InvalidAuthorization, request, VectorNow);
    }

    [Fact]
    public void Verify_UnsignedPayload_AcceptsAnyBody()
    {
        var authorization = TestTc3Signer.Authorization(
            SecretId, SecretKey, VectorTimestamp, "mps", "mps.tencentcloudapi.com", "application/json", [], unsignedPayload: true);
        var request = Request("mps.tencentcloudapi.com", authorization, body: """{"Anything":1}""", unsignedPayload: true);

        Assert.Equal(key, Tc3Verifier.Verify(request, VectorNow, credentials));
    }

    [Fact]
    public void Verify_GetWithSignedQuery_AcceptsAndRejectsAChangedQuery()
    {
        const string query = "ScheduleIds.0=1&ScheduleIds.1=2&Status=Enabled";
        const string contentType = "application/x-www-form-urlencoded";
        var authorization = TestTc3Signer.Authorization(SecretId, SecretKey, VectorTimestamp, "127", "127.0.0.1", contentType, [], "GET", query);

        Assert.Equal(key, Tc3Verifier.Verify(Request("127.0.0.1:18080", authorization, body: "", method: "GET", query: query, contentType: contentType), VectorNow, credentials));
        AssertRefused(
            ApiErrorCodes.SignatureFailure,
            Request("127.0.0.1:18080", authorization, body: "", method: "GET", query: query.Replace("=2", "=3", StringComparison.Ordinal), contentType: contentType),
            VectorNow);
    }

    [Theory]
    [InlineData("127.0.0.1:18080", "127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("localhost:80", "localhost")]
    [InlineData("[::1]:18080", "[::1]")]
    [InlineData("[::1]", "[::1]")]
    [InlineData("mps.tencentcloudapi.com", "mps.tencentcloudapi.com")]
    [InlineData("host:", "host:")]
    public void WithoutPort_Hosts_StripsOnlyAPort(string host, string expected)
    {
        Assert.Equal(expected, Tc3Verifier.WithoutPort(host));
    }

    private static string Authorization(string service, string signature) =>
        $"TC3-HMAC-SHA256 Credential={SecretId}/2023-11-14/{service}/tc3_request, SignedHeaders=content-type;host, Signature={signature}";

    private static Tc3Request Request(
        string host,
        string? authorization,
        string body = VectorBody,
        string? timestamp = "1700000000",
        bool unsignedPayload = false,
        string method = "POST",
        string query = "",
        string contentType = "application/json")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = host,
            ["Content-Type"] = contentType,
            ["X-TC-Action"] = "DescribeSchedules",
            ["X-TC-Version"] = "2019-06-12",
        };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        if (timestamp is not null)
        {
            headers["X-TC-Timestamp"] = timestamp;
        }

        if (unsignedPayload)
        {
            headers["X-TC-Content-SHA256"] = "UNSIGNED-PAYLOAD";
        }

        return new Tc3Request(method, query, headers, Encoding.UTF8.GetBytes(body));
    }

    private void AssertRefused(string code, Tc3Request request, DateTimeOffset now)
    {
        var refused = Assert.Throws<ApiException>(() => Tc3Verifier.Verify(request, now, credentials));
        Assert.Equal(code, refused.Code);
    }
}
