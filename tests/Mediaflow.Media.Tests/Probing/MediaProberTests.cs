using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Probing;

public sealed class MediaProberTests : IAsyncDisposable, IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    [Fact]
    public async Task ProbeAsync_GeneratedMp4_Facts()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);

        Assert.Equal((320, 180), (probe.Video!.Width, probe.Video.Height));
        Assert.Equal("aac", probe.Audio!.Codec);
        Assert.Equal(new FileInfo(source).Length, probe.Size);
        Assert.InRange(probe.Duration, 1.9, 2.1);
    }

    [Fact]
    public async Task ProbeAsync_RotatedClip_DisplaySize()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var rotated = await TestMedia.RotatedAsync(dir.Path, source);
        var meta = (await media.Prober.ProbeAsync(rotated, CancellationToken.None)).ToMetaData();

        Assert.Equal((180, 320), (meta.Width, meta.Height));
        Assert.Equal(270, meta.Rotate);
    }

    [Fact]
    public async Task ProbeAsync_ZeroByteFile_ContentMalformed()
    {
        var path = dir.File("empty.mp4");
        await File.WriteAllBytesAsync(path, []);
        await AssertMalformedAsync(path);
    }

    [Fact]
    public async Task ProbeAsync_TextNamedMp4_ContentMalformed()
    {
        var path = dir.File("notes.mp4");
        await File.WriteAllTextAsync(path, "this is not a video, just some text\nwith two lines\n");
        var failure = await AssertMalformedAsync(path);
        Assert.Contains("ffprobe", failure.CommandLine, StringComparison.Ordinal);
        Assert.NotEmpty(failure.LogTail);
    }

    [Fact]
    public async Task ProbeAsync_TruncatedMp4_ContentMalformed()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var bytes = await File.ReadAllBytesAsync(source);
        var path = dir.File("truncated.mp4");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        await AssertMalformedAsync(path);
    }

    private async Task<MediaFailure> AssertMalformedAsync(string path)
    {
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => media.Prober.ProbeAsync(path, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ContentMalformed, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
        return failure;
    }

    public void Dispose() => dir.Dispose();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
