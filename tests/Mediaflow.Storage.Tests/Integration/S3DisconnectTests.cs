using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>A client that goes away mid-body leaves nothing: no object, no temp file, no blob.</summary>
public sealed class S3DisconnectTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_ClientDisconnectsMidBody_NothingLeft()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var url = new Uri(await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "cut.bin", Verb = HttpVerb.PUT, Protocol = Protocol.HTTP, Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
        }));

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, store.Endpoint.Port);
            var stream = tcp.GetStream();
            var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Length: 4000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[1_000_000]);
            await stream.FlushAsync();

            // Cut only once the server is inside the request (else Kestrel may drop the connection before any request starts).
            await WaitForAsync(store.StartedRequests, "PUT /" + bucket + "/cut.bin");
            tcp.Client.LingerState = new LingerOption(true, 0);
        }

        await WaitForAsync(store.FinishedRequests, "PUT /" + bucket + "/cut.bin");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "cut.bin"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Empty(FilesUnder("tmp"));
        Assert.Empty(FilesUnder("blobs"));
    }

    // The bound only turns a broken server into a failure instead of a hung run; it is never reached when all is well.
    private static async Task WaitForAsync(System.Threading.Channels.ChannelReader<string> requests, string request)
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var seen in requests.ReadAllAsync(hangGuard.Token))
        {
            if (seen == request)
            {
                return;
            }
        }
    }

    private string[] FilesUnder(string folder)
    {
        var path = Path.Combine(store.DataDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories) : [];
    }
}
