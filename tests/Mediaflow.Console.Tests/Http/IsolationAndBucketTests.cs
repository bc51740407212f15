using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Mediaflow.ConsoleTests.Support;

namespace Mediaflow.ConsoleTests.Http;

/// <summary>
/// The console acts through the API's action table and the S3 surface's store, as the session's account only: what it
/// writes the API and S3 clients see, and another account's console sees none of it.
/// </summary>
public sealed class IsolationAndBucketTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    private async Task<AccountKey> SecondAccountAsync()
    {
        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);
        Assert.True(created.ExitCode == 0, created.Stderr);
        using var json = JsonDocument.Parse(created.Stdout);
        return new AccountKey(json.RootElement.GetProperty("AppId").GetInt64(), json.RootElement.GetProperty("SecretId").GetString()!, json.RootElement.GetProperty("SecretKey").GetString()!);
    }

    [Fact]
    public async Task ScheduleCreatedInTheConsole_IsVisibleToTheApi_WithItsCanvasLayout_AndInvisibleToAnotherAccount()
    {
        var bucket = await Buckets.CreateAsync(server, "console");
        using var owner = new ConsoleClient(server.Api);
        await owner.SignInAsync(server.Account);
        var layout = """{"version":1,"positions":{"0":[1,2],"1":[3,4],"2":[5,6]}}""";
        var created = await owner.MpsAsync("CreateSchedule", new
        {
            ScheduleName = "drawn-" + RandomNumberGenerator.GetHexString(6),
            Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = MediaflowServer.Region, Dir = "/in/" } },
            Activities = Orchestrations.Transcodes(100010),
            MfCanvasLayout = layout,
        });
        var id = created.GetProperty("ScheduleId").GetInt64();

        var viaApi = (await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } })).GetProperty("ScheduleInfoSet")[0];
        Assert.Equal(layout, viaApi.GetProperty("MfCanvasLayout").GetString());

        var other = await SecondAccountAsync();
        using var intruder = new ConsoleClient(server.Api);
        await intruder.SignInAsync(other);
        var seen = await intruder.MpsAsync("DescribeSchedules", new { ScheduleIds = new[] { id } });
        var deleted = await intruder.MpsAsync("DeleteSchedule", new { ScheduleId = id });
        using var list = await intruder.SendAsync(HttpMethod.Get, $"/console/api/buckets/{bucket}/objects?prefix=");
        using var buckets = await intruder.SendAsync(HttpMethod.Get, "/console/api/buckets");
        using var put = await intruder.SendAsync(HttpMethod.Put, $"/console/api/buckets/{bucket}/object?key=in/x.mp4", new ByteArrayContent([1, 2, 3]));

        Assert.Equal(0, seen.GetProperty("TotalCount").GetInt64());
        Assert.True(deleted.TryGetProperty("Error", out _), deleted.ToString());
        Assert.Contains(list.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.DoesNotContain(bucket, await buckets.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(put.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(1, (await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } })).GetProperty("TotalCount").GetInt64());
    }

    [Fact]
    public async Task ApiErrors_ComeBackInTheMpsEnvelope()
    {
        using var client = new ConsoleClient(server.Api);
        await client.SignInAsync(server.Account);

        var unknown = await client.MpsAsync("NoSuchAction");
        var invalid = await client.MpsAsync("ModifySchedule", new { });

        Assert.Equal("InvalidAction", unknown.GetProperty("Error").GetProperty("Code").GetString());
        Assert.Equal("MissingParameter", invalid.GetProperty("Error").GetProperty("Code").GetString());
    }

    [Fact]
    public async Task Upload_ThroughTheConsole_IsReadBackOverS3_ListedAndDeleted()
    {
        var bucket = await Buckets.CreateAsync(server, "upload");
        using var client = new ConsoleClient(server.Api);
        await client.SignInAsync(server.Account);
        var bytes = RandomNumberGenerator.GetBytes(70_000);

        using var put = await client.SendAsync(HttpMethod.Put, $"/console/api/buckets/{bucket}/object?key=media/a%20b.mp4", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var s3 = server.S3For(server.Account);
        using var viaS3 = await s3.GetObjectAsync(bucket, "media/a b.mp4");
        using var copy = new MemoryStream();
        await viaS3.ResponseStream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("video/mp4", viaS3.Headers.ContentType);

        using var root = await client.SendAsync(HttpMethod.Get, $"/console/api/buckets/{bucket}/objects?prefix=");
        using var folder = await client.SendAsync(HttpMethod.Get, $"/console/api/buckets/{bucket}/objects?prefix=media/");
        using var rootJson = JsonDocument.Parse(await root.Content.ReadAsStringAsync());
        using var folderJson = JsonDocument.Parse(await folder.Content.ReadAsStringAsync());
        Assert.Equal("media/", Assert.Single(rootJson.RootElement.GetProperty("Prefixes").EnumerateArray()).GetString());
        Assert.Equal("media/a b.mp4", Assert.Single(folderJson.RootElement.GetProperty("Objects").EnumerateArray()).GetProperty("Key").GetString());

        using var whole = await client.SendAsync(HttpMethod.Get, $"/console/api/buckets/{bucket}/object?key=media/a%20b.mp4");
        using var ranged = await client.GetRangeAsync($"/console/api/buckets/{bucket}/object?key=media/a%20b.mp4", 10, 19);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(bytes[10..20], await ranged.Content.ReadAsByteArrayAsync());

        using var delete = await client.SendAsync(HttpMethod.Delete, $"/console/api/buckets/{bucket}/object?key=media/a%20b.mp4");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "media/a b.mp4"));
    }

    [Fact]
    public async Task MultipartUpload_ThroughTheConsole_AssemblesThePartsInOrder()
    {
        var bucket = await Buckets.CreateAsync(server, "parts");
        using var client = new ConsoleClient(server.Api);
        await client.SignInAsync(server.Account);
        var bytes = RandomNumberGenerator.GetBytes(5000);

        using var start = await client.SendAsync(HttpMethod.Post, $"/console/api/buckets/{bucket}/uploads?key=big.bin", ConsoleClient.Json(new { }));
        using var startJson = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var uploadId = startJson.RootElement.GetProperty("UploadId").GetString();
        var parts = new List<object>();
        for (var (offset, number) = (0, 1); offset < bytes.Length; offset += 2048, number++)
        {
            using var part = await client.SendAsync(HttpMethod.Put, $"/console/api/buckets/{bucket}/uploads/{uploadId}/{number}?key=big.bin", new ByteArrayContent(bytes[offset..Math.Min(bytes.Length, offset + 2048)]));
            Assert.Equal(HttpStatusCode.OK, part.StatusCode);
            using var partJson = JsonDocument.Parse(await part.Content.ReadAsStringAsync());
            parts.Add(new { PartNumber = number, ETag = partJson.RootElement.GetProperty("ETag").GetString() });
        }

        using var complete = await client.SendAsync(HttpMethod.Post, $"/console/api/buckets/{bucket}/uploads/{uploadId}/complete?key=big.bin", ConsoleClient.Json(new { Parts = parts }));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        using var download = await client.SendAsync(HttpMethod.Get, $"/console/api/buckets/{bucket}/object?key=big.bin&download=1");

        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("big.bin", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task StaticFiles_AreServed_AndUnknownPathsFallBackToTheApp()
    {
        using var http = new HttpClient { BaseAddress = server.Api };

        var index = await http.GetStringAsync(new Uri("/console/", UriKind.Relative));
        var deep = await http.GetStringAsync(new Uri("/console/orchestrations/12", UriKind.Relative));
        using var asset = await http.GetAsync(new Uri("/console/assets/app-1234.js", UriKind.Relative));
        using var escape = await http.GetAsync(new Uri("/console/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));
        using var api = await http.GetAsync(new Uri("/console/api/nothing-here", UriKind.Relative));

        Assert.Contains("console fixture", index, StringComparison.Ordinal);
        Assert.Equal(index, deep);
        Assert.Equal("console.log('fixture')", await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("console fixture", await escape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task TheStoreListener_DoesNotServeTheConsole()
    {
        using var http = new HttpClient { BaseAddress = server.Store };
        string answer;
        try
        {
            answer = await http.GetStringAsync(new Uri("/console/api/session", UriKind.Relative));
        }
        catch (HttpRequestException refused)
        {
            answer = refused.Message;
        }

        Assert.DoesNotContain("CsrfToken", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("SessionRequired", answer, StringComparison.Ordinal);
    }
}

/// <summary>Without a build, /console/ says how to make one.</summary>
public sealed class UnbuiltConsoleTests(UnbuiltConsoleServer server) : IClassFixture<UnbuiltConsoleServer>
{
    [Fact]
    public async Task Console_WithoutABuild_AnswersAPageSayingHowToBuildIt()
    {
        using var http = new HttpClient { BaseAddress = server.Api };
        using var response = await http.GetAsync(new Uri("/console/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("npm ci", page, StringComparison.Ordinal);
        Assert.Contains("npm run build", page, StringComparison.Ordinal);
        Assert.Contains("Console:Root", page, StringComparison.Ordinal);
    }
}
