namespace Mediaflow.Engine.Tests.Support;

/// <summary>The sources a fixture generates once (read-only; every test uploads its own copies into its own buckets).</summary>
public sealed record SourceMedia(string Video, string AudioOnly, string NotMedia, string LongVideo)
{
    public static async Task<SourceMedia> CreateAsync(string directory)
    {
        var video = TestMedia.VideoWithAudioAsync(directory, "video.mp4", seconds: 2);
        var audio = TestMedia.AudioOnlyAsync(directory, "audio.m4a", seconds: 2);
        var broken = TestMedia.NotMediaAsync(directory, "broken.mp4");
        var longer = TestMedia.VideoWithAudioAsync(directory, "long.mp4", seconds: 3);
        return new SourceMedia(await video, await audio, await broken, await longer);
    }
}
