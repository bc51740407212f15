using Mediaflow.Server.Cli;

namespace Mediaflow.Server.Tests.Cli;

public class S3LocationTests
{
    [Theory]
    [InlineData("s3://media", "media", "")]
    [InlineData("s3://media/", "media", "")]
    [InlineData("s3://media/dir/a b.mp4", "media", "dir/a b.mp4")]
    [InlineData("s3://media//double", "media", "/double")]
    public void Parse_S3Url_BucketAndKey(string url, string bucket, string key) =>
        Assert.Equal(new S3Location(bucket, key), S3Location.Parse(url));

    [Theory]
    [InlineData("media/key")]
    [InlineData("s3://")]
    [InlineData("s3:///key")]
    [InlineData("S3://media/key")]
    public void Parse_NotAnS3UrlWithBucket_UsageError(string url) =>
        Assert.Throws<CliUsageException>(() => S3Location.Parse(url));

    [Theory]
    [InlineData(0, 100, "[..............................]   0%  0.0/0.0 MiB  x")]
    [InlineData(5L * 1024 * 1024, 10L * 1024 * 1024, "[###############...............]  50%  5.0/10.0 MiB  x")]
    [InlineData(98, 100, "[#############################.]  98%  0.0/0.0 MiB  x")]
    [InlineData(10, 10, "[##############################] 100%  0.0/0.0 MiB  x")]
    [InlineData(0, 0, "[##############################] 100%  0.0/0.0 MiB  x")]
    public void Render_Fraction_BarPercentAndSizes(long done, long total, string expected) =>
        Assert.Equal(expected, TransferProgressBar.Render(done, total, "x"));
}
