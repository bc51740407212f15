using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Enhancement;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Enhancement;

/// <summary>
/// Each enhancement measured on real ffmpeg output (lavfi sources, ≤ 3 s, ≤ 320×180): the enhanced transcode against
/// the same transcode without the switch, with an independent ffmpeg/ffprobe measurement.
/// </summary>
public sealed partial class EnhancementEffectTests : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    private static TranscodeTemplate Template(string enhanceJson = "{}", VideoTemplateInfo? video = null) => new()
    {
        Container = "mp4",
        VideoTemplate = video ?? new VideoTemplateInfo { Codec = "h264", Mode = "VCRF", Vcrf = 12 },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 128 },
        EnhanceConfig = JsonSerializer.Deserialize<EnhanceConfig>(enhanceJson, Wire),
    };

    private Task<string> SourceAsync(string name, string size = "320x180", string? videoFilter = null, double seconds = 2,
        string audio = "sine=frequency=440:sample_rate=48000", string? audioFilter = null) =>
        TestMedia.GenerateAsync(dir.Path, name,
            ["-f", "lavfi", "-i", Invariant($"testsrc2=size={size}:rate=25:duration={seconds}"), "-f", "lavfi", "-i", Invariant($"{audio}:duration={seconds}"),
             .. videoFilter is null ? Array.Empty<string>() : ["-vf", videoFilter], .. audioFilter is null ? Array.Empty<string>() : ["-af", audioFilter],
             "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest"]);

    private async Task<string> TranscodeAsync(string source, TranscodeTemplate template, string name, List<double>? progress = null)
    {
        TranscodeTemplateRules.Validate(template);
        var work = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest
            {
                SourcePath = source, Source = await media.Prober.ProbeAsync(source, CancellationToken.None), Template = template,
                WorkDirectory = work, OutputFileName = name,
            },
            progress is null ? null : new ListProgress(progress),
            CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    [Fact]
    public async Task Denoise_NoisySource_CloserToTheCleanSource()
    {
        var clean = await SourceAsync("clean.mp4");
        var noisy = await SourceAsync("noisy.mp4", videoFilter: "noise=alls=10:allf=t");
        var plain = await TranscodeAsync(noisy, Template(), "plain.mp4");
        var denoised = await TranscodeAsync(noisy, Template("""{"VideoEnhance":{"Denoise":{"Type":"strong"}}}"""), "denoised.mp4");

        var plainPsnr = await PsnrAsync(plain, clean);
        var denoisedPsnr = await PsnrAsync(denoised, clean);
        Assert.True(denoisedPsnr > plainPsnr + 2, $"PSNR against the clean source: denoised {denoisedPsnr:F2} dB, plain {plainPsnr:F2} dB");
    }

    [Fact]
    public async Task FrameRate_Interpolates25To50()
    {
        var source = await SourceAsync("25fps.mp4", "160x90", seconds: 1);
        var output = await TranscodeAsync(source, Template("""{"VideoEnhance":{"FrameRate":{"Switch":"ON","Fps":50}}}"""), "50fps.mp4");
        var (_, _, frames, fps, _) = await Ffprobe.VideoAsync(output);
        Assert.Equal(50, fps, 3);
        Assert.InRange(frames, 49, 51);
    }

    [Fact]
    public async Task SuperResolution_DoublesTheSize()
    {
        var source = await SourceAsync("small.mp4", "160x90", seconds: 1);
        var output = await TranscodeAsync(source, Template("""{"VideoEnhance":{"SuperResolution":{"Switch":"ON","Type":"lq","Size":2}}}"""), "sr.mp4");
        var (width, height, _, _, _) = await Ffprobe.VideoAsync(output);
        Assert.Equal((320L, 180L), (width, height));
    }

    [Fact]
    public async Task HdrToSdr_PqSource_Bt709AndNotWashedOut()
    {
        var pq = await TestMedia.GenerateAsync(dir.Path, "pq.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1", "-f", "lavfi", "-i", "sine=duration=1",
             "-vf", "zscale=tin=bt709:pin=bt709:min=bt709:t=smpte2084:p=bt2020:m=bt2020nc:npl=203,format=yuv420p10le",
             "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-c:a", "aac", "-shortest"]);
        Assert.Equal("smpte2084", await ColorAsync(pq, "color_transfer"));

        var plain = await TranscodeAsync(pq, Template(), "plain.mp4");
        var mapped = await TranscodeAsync(pq, Template("""{"VideoEnhance":{"Hdr":{"Switch":"ON","Type":"MfSDR"}}}"""), "sdr.mp4");
        Assert.Equal("bt709", await ColorAsync(mapped, "color_transfer"));
        Assert.Equal("bt709", await ColorAsync(mapped, "color_primaries"));

        var washed = await LumaAsync(plain);
        var toneMapped = await LumaAsync(mapped);
        Assert.True(toneMapped.High - toneMapped.Low > 1.5 * (washed.High - washed.Low),
            $"luma 10–90 % range: tone-mapped {toneMapped.Low:F0}–{toneMapped.High:F0}, PQ shown as SDR {washed.Low:F0}–{washed.High:F0}");
    }

    [Fact]
    public async Task SdrToHdr10_TaggedPqBt2020TenBit()
    {
        var source = await SourceAsync("sdr.mp4", "160x90", seconds: 1);
        var output = await TranscodeAsync(source, Template("""{"VideoEnhance":{"Hdr":{"Type":"HDR10"}}}""", new VideoTemplateInfo { Codec = "h265", BitDepth = 10 }), "hdr10.mp4");
        Assert.Equal(("smpte2084", "bt2020", "yuv420p10le"), (await ColorAsync(output, "color_transfer"), await ColorAsync(output, "color_primaries"), await ColorAsync(output, "pix_fmt")));
    }

    [Fact]
    public async Task LowLight_DarkSource_RaisesMeanLuma()
    {
        var dark = await SourceAsync("dark.mp4", videoFilter: "eq=brightness=-0.35", seconds: 1);
        var plain = await LumaAsync(await TranscodeAsync(dark, Template(), "plain.mp4"));
        var lifted = await LumaAsync(await TranscodeAsync(dark, Template("""{"VideoEnhance":{"LowLightEnhance":{"Type":"normal"}}}"""), "lifted.mp4"));
        Assert.True(lifted.Mean > plain.Mean + 10, $"mean luma: enhanced {lifted.Mean:F1}, plain {plain.Mean:F1}");
    }

    [Fact]
    public async Task Sharpen_SoftSource_RaisesEdgeEnergy()
    {
        var soft = await SourceAsync("soft.mp4", videoFilter: "gblur=sigma=2", seconds: 1);
        var plain = await EdgeEnergyAsync(await TranscodeAsync(soft, Template(), "plain.mp4"));
        var sharp = await EdgeEnergyAsync(await TranscodeAsync(soft, Template("""{"VideoEnhance":{"SharpEnhance":{"Switch":"ON","Intensity":1.0}}}"""), "sharp.mp4"));
        var quality = await EdgeEnergyAsync(await TranscodeAsync(soft, Template("""{"VideoEnhance":{"ImageQualityEnhance":{"Type":"strong"}}}"""), "quality.mp4"));
        Assert.True(sharp > plain * 1.2, $"high-frequency energy: sharpened {sharp:F2}, plain {plain:F2}");
        Assert.True(quality > plain * 1.1, $"high-frequency energy: image-quality {quality:F2}, plain {plain:F2}");
    }

    [Fact]
    public async Task ColorEnhance_RaisesSaturation()
    {
        var source = await SourceAsync("color.mp4", seconds: 1);
        var plain = await SaturationAsync(await TranscodeAsync(source, Template(), "plain.mp4"));
        var vivid = await SaturationAsync(await TranscodeAsync(source, Template("""{"VideoEnhance":{"ColorEnhance":{"Type":"strong"}}}"""), "vivid.mp4"));
        Assert.True(vivid > plain * 1.2, $"mean saturation: enhanced {vivid:F1}, plain {plain:F1}");
    }

    [Fact]
    public async Task VolumeBalance_QuietSource_IntegratedLoudnessAtTarget()
    {
        var quiet = await SourceAsync("quiet.mp4", "160x90", seconds: 3, audioFilter: "volume=0.02");
        Assert.True(await IntegratedLoudnessAsync(quiet) < AudioEnhancement.TargetLoudness - 10);
        var progress = new List<double>();
        var output = await TranscodeAsync(quiet, Template("""{"AudioEnhance":{"VolumeBalance":{"Switch":"ON","Type":"loudNorm"}}}"""), "loud.mp4", progress);

        var loudness = await IntegratedLoudnessAsync(output);
        Assert.InRange(loudness, AudioEnhancement.TargetLoudness - 1, AudioEnhancement.TargetLoudness + 1);
        Assert.Equal("48000", await StreamAsync(output, "a:0", "sample_rate"));
        Assert.Equal(100, progress[^1]);
        Assert.Equal(progress.Order(), progress);
    }

    [Fact]
    public async Task AudioDenoise_NoisySine_LowersTheNoiseFloor()
    {
        var noisy = await SourceAsync("hiss.mp4", "160x90", seconds: 2,
            audio: "aevalsrc=0.3*sin(2*PI*440*t)+0.03*(random(0)-0.5):sample_rate=48000");
        var plain = await TranscodeAsync(noisy, Template(), "plain.mp4");
        var denoised = await TranscodeAsync(noisy, Template("""{"AudioEnhance":{"Denoise":{"Switch":"ON"}}}"""), "denoised.mp4");
        // Energy left above 2 kHz (the 440 Hz tone is removed by the high-pass): mostly the white noise.
        var plainNoise = await HighBandRmsAsync(plain);
        var denoisedNoise = await HighBandRmsAsync(denoised);
        Assert.True(denoisedNoise < plainNoise - 6, $"RMS above 2 kHz: denoised {denoisedNoise:F1} dB, plain {plainNoise:F1} dB");
    }

    /// <summary>
    /// The cap is <c>-maxrate 300k -bufsize 600k</c>: the encoder may first spend the 2-second buffer, so the rate is
    /// measured after it (seconds 2–5); over a whole clip the excess is at most bufsize / duration.
    /// </summary>
    [Fact]
    public async Task Tehd100_BitrateAtMostTheCap()
    {
        var source = await SourceAsync("busy.mp4", videoFilter: "noise=alls=12:allf=t", seconds: 5);
        var uncapped = await TranscodeAsync(source, Template(video: new VideoTemplateInfo { Codec = "h264" }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100" } }, "uncapped.mp4");
        var capped = await TranscodeAsync(source, Template(video: new VideoTemplateInfo { Codec = "h264" }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 300 } }, "capped.mp4");

        var free = await VideoBitrateAsync(uncapped, from: 2);
        var limited = await VideoBitrateAsync(capped, from: 2);
        Assert.True(free > 330_000, $"the source must need more than the cap for the test to mean anything: {free:F0} b/s");
        Assert.True(limited <= 330_000, $"capped at 300 kb/s (+10 %), measured {limited:F0} b/s");
        Assert.True(await VideoBitrateAsync(capped, from: 0) <= 1.1 * (300_000 + (600_000 / 5.0)));
    }

    /// <summary>Video bits per second of the packets from <paramref name="from"/> seconds to the end (5 s).</summary>
    private static async Task<double> VideoBitrateAsync(string path, double from)
    {
        var packets = (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,size", "-of", "csv=p=0", path))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(','))
            .Select(cells => (Time: double.Parse(cells[0], CultureInfo.InvariantCulture), Bytes: long.Parse(cells[1], CultureInfo.InvariantCulture)))
            .ToList();
        return packets.Where(p => p.Time >= from).Sum(p => p.Bytes) * 8 / (5 - from);
    }

    private static async Task<double> PsnrAsync(string distorted, string reference)
    {
        var log = await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", distorted, "-i", reference, "-lavfi", "[0:v][1:v]psnr", "-f", "null", "-");
        return double.Parse(AveragePsnr().Match(log).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> StreamAsync(string path, string stream, string entry) =>
        (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", stream, "-show_entries", $"stream={entry}", "-of", "csv=p=0", path)).Trim();

    private static Task<string> ColorAsync(string path, string entry) => StreamAsync(path, "v:0", entry);

    /// <summary>signalstats averaged over frames: YLOW (10th percentile), YHIGH (90th), YAVG.</summary>
    private static async Task<(double Low, double High, double Mean)> LumaAsync(string path) =>
        (await FrameAverageAsync(path, "format=yuv420p,signalstats", "YLOW"), await FrameAverageAsync(path, "format=yuv420p,signalstats", "YHIGH"),
         await FrameAverageAsync(path, "format=yuv420p,signalstats", "YAVG"));

    private static Task<double> SaturationAsync(string path) => FrameAverageAsync(path, "format=yuv420p,signalstats", "SATAVG");

    /// <summary>High-frequency energy: mean absolute difference between the luma and its Gaussian blur (σ 1.5).</summary>
    private static Task<double> EdgeEnergyAsync(string path) =>
        FrameAverageAsync(path, "format=gray,split[a][b];[b]gblur=sigma=1.5[c];[a][c]blend=all_mode=difference,signalstats", "YAVG");

    private static async Task<double> FrameAverageAsync(string path, string filters, string key)
    {
        var log = await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", path, "-an", "-vf", $"{filters},metadata=print:file=-", "-f", "null", "-");
        var values = Regex.Matches(log, $@"lavfi\.signalstats\.{key}=([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(values);
        return values.Average();
    }

    private static async Task<double> IntegratedLoudnessAsync(string path)
    {
        var log = await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", path, "-vn", "-af", "ebur128", "-f", "null", "-");
        return double.Parse(IntegratedLufs().Matches(log)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<double> HighBandRmsAsync(string path)
    {
        var log = await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", path, "-vn", "-af", "highpass=f=2000,highpass=f=2000,astats=measure_perchannel=none:measure_overall=RMS_level", "-f", "null", "-");
        return double.Parse(RmsLevel().Matches(log)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"average:([0-9.]+)")]
    private static partial Regex AveragePsnr();

    [GeneratedRegex(@"I:\s+(-?[0-9.]+) LUFS")]
    private static partial Regex IntegratedLufs();

    [GeneratedRegex(@"RMS level dB:\s+(-?[0-9.]+)")]
    private static partial Regex RmsLevel();

    private sealed class ListProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
