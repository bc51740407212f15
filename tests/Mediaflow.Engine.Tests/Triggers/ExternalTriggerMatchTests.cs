using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Triggers;

namespace Mediaflow.Engine.Tests.Triggers;

public class ExternalTriggerMatchTests
{
    private static readonly DateTimeOffset Enabled = new(2026, 11, 25, 18, 0, 0, 600, TimeSpan.Zero);

    private static AwsS3FileUploadTrigger Trigger(IReadOnlyList<string>? formats = null) =>
        new() { S3Bucket = "uploads", S3Region = "us-east-1", Dir = "/in/", Formats = formats };

    [Theory]
    [InlineData("in/a.mp4", true)]
    [InlineData("in/sub/a.MOV", true)]
    [InlineData("in/notes.txt", true)] // absent Formats mean every format for AWS triggers (spec §7)
    [InlineData("in/", false)]
    [InlineData("in/dir/", false)]
    [InlineData("out/a.mp4", false)]
    [InlineData("a.mp4", false)]
    public void Matches_DirAndDefaultFormats(string key, bool expected) =>
        Assert.Equal(expected, ExternalTriggerMatch.Matches(Trigger(), "us-east-1", "uploads", key, Enabled.AddMinutes(1), Enabled));

    [Theory]
    [InlineData("in/a.mp4", true)]
    [InlineData("in/a.txt", false)]
    public void Matches_ExplicitFormats(string key, bool expected) =>
        Assert.Equal(expected, ExternalTriggerMatch.Matches(Trigger(["mp4"]), "us-east-1", "uploads", key, Enabled.AddMinutes(1), Enabled));

    [Theory]
    [InlineData("uploads", "eu-west-3")]
    [InlineData("other", "us-east-1")]
    public void Matches_OtherBucketOrRegion_False(string bucket, string region) =>
        Assert.False(ExternalTriggerMatch.Matches(Trigger(), region, bucket, "in/a.mp4", Enabled.AddMinutes(1), Enabled));

    [Fact]
    public void Matches_LastModifiedInTheEnableSecond_Taken() =>
        Assert.True(ExternalTriggerMatch.Matches(Trigger(), "us-east-1", "uploads", "in/a.mp4", new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero), Enabled));

    [Fact]
    public void Matches_LastModifiedBeforeTheEnableSecond_NotTaken() =>
        Assert.False(ExternalTriggerMatch.Matches(Trigger(), "us-east-1", "uploads", "in/a.mp4", new DateTimeOffset(2026, 11, 25, 17, 59, 59, 999, TimeSpan.Zero), Enabled));

    [Fact]
    public void EnableSecond_TruncatesToTheSecondInUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero), ExternalTriggerMatch.EnableSecond(new DateTimeOffset(2026, 11, 25, 20, 0, 0, 999, TimeSpan.FromHours(2))));
}
