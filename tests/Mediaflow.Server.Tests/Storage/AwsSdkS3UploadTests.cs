using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Storage;

/// <summary>
/// AWSSDK.S3 4.x on its default settings (aws-chunked, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, CRC32 trailer;
/// stack-notes §4) uploading into an enabled schedule's trigger: the task runs and its output is fetched back.
/// </summary>
public sealed class AwsSdkS3UploadTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private const long PartSize = 5L * 1024 * 1024; // the server's default Storage:MinimumPartSize

    [Fact]
    public async Task PutObject_DefaultSdkSettings_TriggersTaskAndOutputMatchesReportedFacts()
    {
        var bucket = server.MediaBucket;
        using var s3 = server.S3For(server.Account);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var scheduleId = await server.Mps.CreateScheduleAsync(Orchestrations.Schedule("s3-put", bucket, "/put/", Orchestrations.Transcodes(100010)));
        await server.Mps.OkAsync("EnableSchedule", new { ScheduleId = scheduleId });
        var source = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "put.mp4"), seconds: 3);

        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "put/clip.mp4", FilePath = source });

        Assert.Equal($"\"{Md5(await File.ReadAllBytesAsync(source))}\"", put.ETag);
        var detail = await server.Mps.WaitForTaskOfObjectAsync(bucket, "put/clip.mp4");
        Assert.Equal(0, TaskResults.ScheduleTask(detail).GetProperty("ErrCode").GetInt64());
        Assert.Equal(320, TaskResults.ScheduleTask(detail).GetProperty("MetaData").GetProperty("Width").GetInt64());
        var output = TaskResults.SuccessfulTranscode(detail).GetProperty("Output");
        Assert.Equal("/out/put/clip_transcode_100010.mp4", output.GetProperty("Path").GetString());
        await AssertOutputAsync(s3, bucket, output, "h264");
    }

    [Fact]
    public async Task MultipartUpload_DefaultSdkSettings_TriggersTask()
    {
        var bucket = "multipart-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        using var s3 = server.S3For(server.Account);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var scheduleId = await server.Mps.CreateScheduleAsync(Orchestrations.Schedule("s3-multipart", bucket, "/parts/", Orchestrations.Transcodes(100010)));
        await server.Mps.OkAsync("EnableSchedule", new { ScheduleId = scheduleId });
        var source = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "big.mp4"), seconds: 3, noisy: true);
        var length = new FileInfo(source).Length;
        Assert.True(length > 2 * PartSize, $"the source must make three parts, is {length} bytes");

        const string key = "parts/big.mp4";
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key });
        var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId };
        for (var (number, position) = (1, 0L); position < length; number++, position += PartSize)
        {
            var part = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartNumber = number,
                FilePath = source,
                FilePosition = position,
                PartSize = Math.Min(PartSize, length - position),
            });
            complete.AddPartETags(part);
        }

        await s3.CompleteMultipartUploadAsync(complete);

        var head = await s3.GetObjectMetadataAsync(bucket, key);
        Assert.Equal(length, head.ContentLength);
        Assert.EndsWith("-3\"", head.ETag, StringComparison.Ordinal);
        var detail = await server.Mps.WaitForTaskOfObjectAsync(bucket, key);
        Assert.Equal(length, TaskResults.ScheduleTask(detail).GetProperty("MetaData").GetProperty("Size").GetInt64());
        var output = TaskResults.SuccessfulTranscode(detail).GetProperty("Output");
        Assert.Equal("/out/parts/big_transcode_100010.mp4", output.GetProperty("Path").GetString());
        await AssertOutputAsync(s3, bucket, output, "h264");
    }

    /// <summary>GetObject through the SDK, then ffprobe: 360p, the codec asked for, Size and Md5 as DescribeTaskDetail reported.</summary>
    private async Task AssertOutputAsync(AmazonS3Client s3, string bucket, System.Text.Json.JsonElement output, string codec)
    {
        var local = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8) + ".mp4");
        using (var got = await s3.GetObjectAsync(bucket, output.GetProperty("Path").GetString()![1..]))
        {
            await got.WriteResponseStreamToFileAsync(local, append: false, CancellationToken.None);
        }

        var bytes = await File.ReadAllBytesAsync(local);
        Assert.Equal(output.GetProperty("Size").GetInt64(), bytes.Length);
        Assert.Equal(output.GetProperty("Md5").GetString(), Md5(bytes));
        var probe = await TestMedia.ProbeAsync(local);
        var video = TestMedia.Stream(probe, "video");
        Assert.Equal(codec, video.GetProperty("codec_name").GetString());
        Assert.Equal(360, video.GetProperty("height").GetInt32());
        Assert.Equal(output.GetProperty("Width").GetInt64(), video.GetProperty("width").GetInt64());
        Assert.Equal("aac", TestMedia.Stream(probe, "audio").GetProperty("codec_name").GetString());
    }

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
