namespace Mediaflow.Storage.Tests;

public sealed class ContentTypeMapTests
{
    [Theory]
    [InlineData("a/b.mp4", "video/mp4")]
    [InlineData("x.M3U8", "application/vnd.apple.mpegurl")]
    [InlineData("seg-1.ts", "video/mp2t")]
    [InlineData("song.m4a", "audio/mp4")]
    [InlineData("song.mp3", "audio/mpeg")]
    [InlineData("song.flac", "audio/flac")]
    [InlineData("cover.jpg", "image/jpeg")]
    [InlineData("cover.png", "image/png")]
    [InlineData("sub.vtt", "text/vtt")]
    [InlineData("manifest.mpd", "application/dash+xml")]
    [InlineData("meta.json", "application/json")]
    [InlineData("noextension", "application/octet-stream")]
    public void ForName_KnownAndUnknownExtensions_MappedType(string name, string expected) => Assert.Equal(expected, ContentTypeMap.ForName(name));
}
