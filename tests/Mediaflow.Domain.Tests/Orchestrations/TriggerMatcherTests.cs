using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class TriggerMatcherTests
{
    private const string Bucket = "test-1250000000";
    private const string Region = "ap-guangzhou";

    private static CosFileUploadTrigger Trigger(string? dir = null, IReadOnlyList<string>? formats = null) =>
        new() { Bucket = Bucket, Region = Region, Dir = dir, Formats = formats };

    private static bool Matches(CosFileUploadTrigger trigger, string key) => TriggerMatcher.Matches(trigger, Bucket, Region, key);

    [Fact]
    public void Matches_SameBucketRegionAndDefaultFormat_True() => Assert.True(Matches(Trigger(), "a.mp4"));

    [Theory]
    [InlineData("other-1250000000", Region)]
    [InlineData("Test-1250000000", Region)]
    [InlineData("test-125000000", Region)]
    [InlineData(Bucket, "ap-shanghai")]
    [InlineData(Bucket, "AP-GUANGZHOU")]
    public void Matches_OtherBucketOrRegion_False(string bucket, string region) =>
        Assert.False(TriggerMatcher.Matches(Trigger(), bucket, region, "a.mp4"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    public void Matches_DirAbsentOrRoot_WholeBucket(string? dir)
    {
        Assert.True(Matches(Trigger(dir), "a.mp4"));
        Assert.True(Matches(Trigger(dir), "input/a.mp4"));
        Assert.True(Matches(Trigger(dir), "deep/er/still/a.mp4"));
    }

    [Theory]
    [InlineData("input/a.mp4", true)]
    [InlineData("input/sub/a.mp4", true)]
    [InlineData("input2/a.mp4", false)]
    [InlineData("other/input/a.mp4", false)]
    [InlineData("Input/a.mp4", false)]
    [InlineData("a.mp4", false)]
    [InlineData("input", false)]
    [InlineData("input.mp4", false)]
    public void Matches_DirInput_PrefixOfKey(string key, bool expected) => Assert.Equal(expected, Matches(Trigger("/input/"), key));

    [Fact]
    public void Matches_NestedDir_OnlyUnderIt()
    {
        Assert.True(Matches(Trigger("/movie/201907/"), "movie/201907/WildAnimal.mov"));
        Assert.False(Matches(Trigger("/movie/201907/"), "movie/201908/WildAnimal.mov"));
        Assert.False(Matches(Trigger("/movie/201907/"), "movie/WildAnimal.mov"));
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("avi")]
    [InlineData("mov")]
    [InlineData("wmv")]
    [InlineData("flv")]
    [InlineData("mkv")]
    [InlineData("mpg")]
    [InlineData("mpeg")]
    [InlineData("rm")]
    [InlineData("rmvb")]
    [InlineData("asf")]
    [InlineData("3gp")]
    [InlineData("webm")]
    [InlineData("ts")]
    [InlineData("m4v")]
    [InlineData("mp3")]
    [InlineData("wav")]
    [InlineData("aac")]
    [InlineData("flac")]
    [InlineData("ogg")]
    [InlineData("m4a")]
    [InlineData("amr")]
    [InlineData("vtt")]
    [InlineData("srt")]
    public void Matches_EachOfThe24DefaultFormats_True(string extension)
    {
        Assert.True(Matches(Trigger(), $"dir/a.{extension}"));
        Assert.True(Matches(Trigger(formats: []), $"dir/a.{extension}"));
    }

    [Fact]
    public void DefaultFormats_AreExactlyTheSpecs24() =>
        Assert.Equal(
            ["3gp", "aac", "amr", "asf", "avi", "flac", "flv", "m4a", "m4v", "mkv", "mov", "mp3", "mp4", "mpeg", "mpg", "ogg", "rm", "rmvb", "srt", "ts", "vtt", "wav", "webm", "wmv"],
            TriggerMatcher.DefaultFormats.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("a.txt")]
    [InlineData("a.mp4.part")]
    [InlineData("a.m3u8")]
    [InlineData("a.mp")]
    public void Matches_DefaultFormatsOtherExtension_False(string key) => Assert.False(Matches(Trigger(), key));

    [Theory]
    [InlineData("a.MP4")]
    [InlineData("a.Mp4")]
    [InlineData("A.MOV")]
    [InlineData("a.b.c.mkv")]
    public void Matches_DefaultFormatsExtensionInAnyCase_True(string key) => Assert.True(Matches(Trigger(), key));

    [Theory]
    [InlineData("mp4")]
    [InlineData(".mp4")]
    [InlineData("MP4")]
    [InlineData(".MP4")]
    public void Matches_CustomFormatWithOrWithoutDotInAnyCase_MatchesAnyCaseOfExtension(string format)
    {
        Assert.True(Matches(Trigger(formats: [format]), "a.mp4"));
        Assert.True(Matches(Trigger(formats: [format]), "a.MP4"));
        Assert.False(Matches(Trigger(formats: [format]), "a.mov"));
    }

    [Fact]
    public void Matches_CustomFormatsList_OnlyThoseExtensions()
    {
        var trigger = Trigger(formats: ["mp4", "mov"]);
        Assert.True(Matches(trigger, "a.mov"));
        Assert.False(Matches(trigger, "a.mkv"));
    }

    [Fact]
    public void Matches_CustomExtensionOutsideTheDefaults_True() =>
        Assert.True(Matches(Trigger(formats: ["raw123"]), "a.raw123"));

    [Theory]
    [InlineData("a.mp4")]
    [InlineData("a.whatever")]
    [InlineData("README")]
    [InlineData("dir/noext")]
    [InlineData(".hidden")]
    public void Matches_StarFormat_AnyFile(string key) => Assert.True(Matches(Trigger(formats: ["*"]), key));

    [Fact]
    public void Matches_StarAmongOtherFormats_AnyFile() => Assert.True(Matches(Trigger(formats: ["mp4", "*"]), "a.bin"));

    [Theory]
    [InlineData("input/")]
    [InlineData("input/sub/")]
    [InlineData("a.mp4/")]
    public void Matches_KeyEndingInSlash_NeverEvenWithStar(string key)
    {
        Assert.False(Matches(Trigger(formats: ["*"]), key));
        Assert.False(Matches(Trigger("/input/", ["*"]), key));
        Assert.False(Matches(Trigger(), key));
    }

    [Fact]
    public void Matches_EmptyKey_False() => Assert.False(Matches(Trigger(formats: ["*"]), ""));

    [Theory]
    [InlineData("README")]
    [InlineData("dir/mp4")]
    [InlineData("dir.mp4/file")]
    [InlineData("a.")]
    public void Matches_KeyWithoutExtension_FalseUnlessStar(string key)
    {
        Assert.False(Matches(Trigger(), key));
        Assert.False(Matches(Trigger(formats: ["mp4"]), key));
    }

    [Fact]
    public void Matches_DotFileNamedLikeAnExtension_HasNoExtension() => Assert.False(Matches(Trigger(), "dir/.mp4"));

    [Fact]
    public void Matches_UnicodeAndSpacesInKey_True() => Assert.True(Matches(Trigger("/输入/"), "输入/my video (1).mp4"));

    [Fact]
    public void FormatMatches_DirectoryPartHasADot_UsesFileNameOnly()
    {
        Assert.False(TriggerMatcher.FormatMatches(null, "v1.mp4/readme"));
        Assert.True(TriggerMatcher.FormatMatches(null, "v1.2/a.mp4"));
    }
}
