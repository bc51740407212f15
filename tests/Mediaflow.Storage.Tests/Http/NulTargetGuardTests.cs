using System.Buffers;
using System.Text;
using Mediaflow.Storage.Http;

namespace Mediaflow.Storage.Tests.Http;

public sealed class NulTargetGuardTests
{
    [Theory]
    [InlineData("GET /bucket/a%00b HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/bucket/a%00b")]
    [InlineData("PUT /bucket/%00?uploads HTTP/1.1\r\n", "PUT", "/bucket/%00?uploads")]
    [InlineData("HEAD http://host/b/k%00 HTTP/1.0\r\n", "HEAD", "http://host/b/k%00")]
    public void FindNulTarget_PathWithNul_MethodAndTarget(string wire, string method, string target)
    {
        var found = NulTargetGuard.FindNulTarget(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire)));

        Assert.Equal((method, target), found);
    }

    [Theory]
    [InlineData("GET /bucket/a%00b HTTP/1.1")] // no complete line yet
    [InlineData("GET /bucket/ok?prefix=a%00 HTTP/1.1\r\n")] // NUL only in the query: Kestrel lets it through
    [InlineData("GET /bucket/a%2500b HTTP/1.1\r\n")]
    [InlineData("x-amz-meta-a: GET /a%00 HTTP/1.1\r\n")] // a header line, not a request line
    [InlineData("get /a%00 HTTP/1.1\r\n")]
    [InlineData("GET /a%00 SIP/2.0\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    public void FindNulTarget_AnythingElse_Null(string wire)
    {
        Assert.Null(NulTargetGuard.FindNulTarget(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire))));
    }

    [Fact]
    public void Answer_Get_InvalidUriDocumentWithMatchingLengthAndRequestId()
    {
        var text = Encoding.UTF8.GetString(NulTargetGuard.Answer("GET", "/bucket/a%00b?x=1"));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = text[(split + 4)..];
        var requestId = text.Split("\r\n").Single(l => l.StartsWith("x-amz-request-id: ", StringComparison.Ordinal))["x-amz-request-id: ".Length..];

        Assert.StartsWith("HTTP/1.1 400 ", text, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Connection: close\r\n", text, StringComparison.Ordinal);
        Assert.Contains("<Code>InvalidURI</Code>", body, StringComparison.Ordinal);
        Assert.Contains("<Resource>/bucket/a%00b</Resource>", body, StringComparison.Ordinal);
        Assert.Contains($"<RequestId>{requestId}</RequestId>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_Head_HeadersOnly()
    {
        var text = Encoding.UTF8.GetString(NulTargetGuard.Answer("HEAD", "/b/%00"));

        Assert.Contains("Content-Length: 0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
    }
}
