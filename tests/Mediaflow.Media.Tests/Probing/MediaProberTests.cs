using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Probing;

public sealed class MediaProberTests : IAsyncDisposable, IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();
    private readonly List<MediaServices> counting = [];

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

    [Theory]
    [InlineData("tv", false)]
    [InlineData("pc", true)]
    public async Task ProbeAsync_RangeTaggedVp9_ColorRangeRead(string range, bool fullRange)
    {
        // VP9, not H.264: FFmpeg's H.264 decoder reports a full-range stream as yuvj420p, the VP9 one as yuv420p + "pc".
        var source = await TestMedia.GenerateAsync(dir.Path, $"{range}.webm",
            ["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=0.4", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-pix_fmt", "yuv420p", "-color_range", range]);
        var video = (await media.Prober.ProbeAsync(source, CancellationToken.None)).Video!;

        Assert.Equal(("yuv420p", range), (video.PixelFormat, video.ColorRange));
        Assert.Equal(fullRange, video.IsFullRange);
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

    [Fact]
    public async Task ProbeAsync_SameFileTwice_OneFfprobeRun()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var (prober, runs) = await CountingProberAsync();

        var first = await prober.ProbeAsync(source, CancellationToken.None);
        var second = await prober.ProbeAsync(source, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, await runs());
    }

    [Fact]
    public async Task ProbeAsync_FileReplacedAtSamePath_ProbedAgain()
    {
        var path = await TestMedia.VideoWithAudioAsync(dir.Path, "input.mp4", seconds: 2);
        var (prober, runs) = await CountingProberAsync();
        Assert.InRange((await prober.ProbeAsync(path, CancellationToken.None)).Duration, 1.9, 2.1);

        // A new version moved over the old path, as a store or an editor would write it.
        var longer = await TestMedia.VideoWithAudioAsync(dir.Path, "longer.mp4", width: 160, height: 90, seconds: 3);
        File.Move(longer, path, overwrite: true);
        var probe = await prober.ProbeAsync(path, CancellationToken.None);

        Assert.InRange(probe.Duration, 2.9, 3.1);
        Assert.Equal((160, 90), (probe.Video!.Width, probe.Video.Height));
        Assert.Equal(2, await runs());
    }

    [Fact]
    public async Task ProbeAsync_RewrittenInPlaceSameLengthAndWriteTime_ProbedAgain()
    {
        // A rewrite that keeps the length and the last-write time: `cp -p` or `rsync -t` over the file, or a second
        // write within one tick of the file system's coarse timestamp clock. Only the status-change time moves.
        var path = await TestMedia.VideoWithAudioAsync(dir.Path, "rewritten.mp4");
        var (prober, runs) = await CountingProberAsync();
        await prober.ProbeAsync(path, CancellationToken.None);
        var before = new FileInfo(path);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            await stream.WriteAsync(new byte[before.Length]);
        }

        File.SetLastWriteTimeUtc(path, before.LastWriteTimeUtc);
        var after = new FileInfo(path);
        Assert.Equal((before.Length, before.LastWriteTimeUtc, before.CreationTimeUtc), (after.Length, after.LastWriteTimeUtc, after.CreationTimeUtc));

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => prober.ProbeAsync(path, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ContentMalformed, failure.ErrCodeExt);
        Assert.Equal(2, await runs());
    }

    [Fact]
    public async Task ProbeOutputAsync_SameFileTwice_ProbedEachTime()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var (prober, runs) = await CountingProberAsync();

        await prober.ProbeOutputAsync(source, CancellationToken.None);
        await prober.ProbeOutputAsync(source, CancellationToken.None);

        Assert.Equal(2, await runs());
    }

    [Fact]
    public async Task ProbeAsync_CacheOff_ProbedEachTime()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var (prober, runs) = await CountingProberAsync(cacheEntries: 0);

        await prober.ProbeAsync(source, CancellationToken.None);
        await prober.ProbeAsync(source, CancellationToken.None);

        Assert.Equal(2, await runs());
    }

    /// <summary>A prober whose ffprobe is a wrapper that logs each run, then runs the real ffprobe; and the number of runs so far.</summary>
    private async Task<(MediaProber Prober, Func<Task<int>> Runs)> CountingProberAsync(int cacheEntries = 256)
    {
        var log = dir.File($"ffprobe-runs-{cacheEntries}.log");
        var wrapper = dir.File($"ffprobe-wrapper-{cacheEntries}");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\necho run >> '{log}'\nexec ffprobe \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var services = new MediaServices(media.Options with { FfprobePath = wrapper, ProbeCacheEntries = cacheEntries });
        counting.Add(services);
        return (services.Prober, async () => File.Exists(log) ? (await File.ReadAllLinesAsync(log)).Length : 0);
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
        foreach (var services in counting)
        {
            await services.DisposeAsync();
        }

        await media.DisposeAsync();
        dir.Dispose();
    }
}
