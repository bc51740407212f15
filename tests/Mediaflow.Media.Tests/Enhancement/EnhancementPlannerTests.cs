using System.Text.Json;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Enhancement;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Enhancement;

/// <summary>Each switch's mapping, as the rendered ffmpeg arguments of the whole transcode (pure, no ffmpeg).</summary>
public class EnhancementPlannerTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    private static readonly ProbeResult Source = new()
    {
        Container = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = 4,
        VideoStreams = [new ProbedVideoTrack { Codec = "h264", CodedWidth = 320, CodedHeight = 180, FpsNumerator = 25, FpsDenominator = 1 }],
        AudioStreams = [new ProbedAudioTrack { Codec = "aac", SampleRate = 48000, Channels = 2 }],
    };

    private static TranscodeTemplate Template(string enhanceJson = "{}", VideoTemplateInfo? video = null) => new()
    {
        Container = "mp4",
        VideoTemplate = video ?? new VideoTemplateInfo { Codec = "h264" },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 128 },
        EnhanceConfig = JsonSerializer.Deserialize<EnhanceConfig>(enhanceJson, Wire),
    };

    private static TranscodePlan Plan(TranscodeTemplate template, ProbeResult? source = null)
    {
        TranscodeTemplateRules.Validate(template);
        return TranscodePlanner.Plan(
            new TranscodeRequest { SourcePath = "/w/src.mp4", Source = source ?? Source, Template = template, WorkDirectory = "/w", OutputFileName = "out.mp4" },
            new MediaOptions());
    }

    private static readonly string[] DocumentedOrder = ["hqdn3d", "deblock", "eq=", "unsharp", "minterpolate"];

    private static string Graph(TranscodePlan plan) => FfmpegArgumentRenderer.RenderGraph(plan.Job.FilterGraph);

    [Theory]
    [InlineData("""{"Denoise":{"Type":"weak"}}""", "hqdn3d=luma_spatial=4:chroma_spatial=3:luma_tmp=6:chroma_tmp=4.5")]
    [InlineData("""{"Denoise":{"Type":"strong"}}""", "hqdn3d=luma_spatial=8:chroma_spatial=6:luma_tmp=12:chroma_tmp=9")]
    [InlineData("""{"ArtifactRepair":{}}""", "deblock=filter=weak:block=8")]
    [InlineData("""{"ArtifactRepair":{"Type":"strong"}}""", "deblock=filter=strong:block=8,deband")]
    [InlineData("""{"LowLightEnhance":{"Type":"normal"}}""", "eq=brightness=0.02:gamma=1.5")]
    [InlineData("""{"ColorEnhance":{"Type":"weak"}}""", "eq=contrast=1.03:saturation=1.15")]
    [InlineData("""{"ColorEnhance":{"Type":"normal"}}""", "eq=contrast=1.05:saturation=1.3")]
    [InlineData("""{"ColorEnhance":{"Type":"strong"}}""", "eq=contrast=1.08:saturation=1.5")]
    [InlineData("""{"ImageQualityEnhance":{"Type":"weak"}}""", "cas=strength=0.3")]
    [InlineData("""{"ImageQualityEnhance":{"Type":"strong"}}""", "deband,cas=strength=0.8")]
    [InlineData("""{"SharpEnhance":{"Intensity":0.5}}""", "unsharp=lx=5:ly=5:la=0.75:cx=5:cy=5:ca=0")]
    [InlineData("""{"FrameRate":{"Fps":50}}""", "minterpolate=fps=50/1:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1")]
    [InlineData("""{"FrameRateWithDen":{"FpsNum":60000,"FpsDen":1001}}""", "minterpolate=fps=60000/1001:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1")]
    [InlineData("""{"SuperResolution":{"Type":"lq"}}""", "hqdn3d=luma_spatial=2:chroma_spatial=1.5:luma_tmp=3:chroma_tmp=2.25,scale=w=640:h=360:flags=lanczos,cas=strength=0.6")]
    [InlineData("""{"SuperResolution":{"Type":"hq"}}""", "scale=w=640:h=360:flags=lanczos,cas=strength=0.4")]
    public void Plan_VideoSwitch_RunsItsFiltersOnTheSourceBeforeTheTemplateChain(string videoEnhance, string filters)
    {
        var graph = Graph(Plan(Template($$"""{"VideoEnhance":{{videoEnhance}}}""")));
        Assert.StartsWith($"[0:v:0]{filters}[{EnhancementStage.VideoLabel}];[{EnhancementStage.VideoLabel}]", graph, StringComparison.Ordinal);
        Assert.Contains("[vout]", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SeveralSwitches_InTheDocumentedOrder()
    {
        var graph = Graph(Plan(Template("""{"VideoEnhance":{"FrameRate":{"Fps":50},"SharpEnhance":{"Intensity":1},"Denoise":{},"ColorEnhance":{},"ArtifactRepair":{}}}""")));
        var order = DocumentedOrder.Select(f => graph.IndexOf(f, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Plan_FrameRate_OverridesTemplateFps_AndIsSkippedWhenTheSourceIsFaster()
    {
        var up = Plan(Template("""{"VideoEnhance":{"FrameRate":{"Fps":50}}}""", new VideoTemplateInfo { Codec = "h264", Fps = 30, Gop = 2, GopUnit = "second" }));
        Assert.Contains("fps=fps=50/1", Graph(up), StringComparison.Ordinal);
        Assert.Equal(100, up.Job.Outputs[0].Video!.Gop);

        var down = Plan(Template("""{"VideoEnhance":{"FrameRate":{"Fps":24}}}"""));
        Assert.DoesNotContain("minterpolate", Graph(down), StringComparison.Ordinal);
        Assert.StartsWith("[0:v:0]scale", Graph(down), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SuperResolution_DoublesSourceSizedOutput_AndIsSkippedWhenTheTargetIsSmaller()
    {
        var doubled = Plan(Template("""{"VideoEnhance":{"SuperResolution":{}}}"""));
        Assert.Equal((640L, 360L), (doubled.Geometry!.Width, doubled.Geometry.Height));

        var explicitUp = Plan(Template("""{"VideoEnhance":{"SuperResolution":{}}}""", new VideoTemplateInfo { Codec = "h264", Height = 480 }));
        Assert.Equal((854L, 480L), (explicitUp.Geometry!.Width, explicitUp.Geometry.Height));
        Assert.Contains("flags=lanczos", Graph(explicitUp), StringComparison.Ordinal);

        var smaller = Plan(Template("""{"VideoEnhance":{"SuperResolution":{}}}""", new VideoTemplateInfo { Codec = "h264", Height = 144 }));
        Assert.DoesNotContain("lanczos", Graph(smaller), StringComparison.Ordinal);
        Assert.Equal(144L, smaller.Geometry!.Height);
    }

    [Fact]
    public void Plan_HdrToSdr_ToneMapsAnHdrSource_AndLeavesSdrAlone()
    {
        var pq = Source with { VideoStreams = [Source.Video! with { ColorTransfer = "smpte2084", ColorPrimaries = "bt2020", ColorSpace = "bt2020nc" }] };
        var graph = Graph(Plan(Template("""{"VideoEnhance":{"Hdr":{"Type":"MfSDR"}}}"""), pq));
        Assert.StartsWith("[0:v:0]zscale=t=linear:npl=100,format=pix_fmts=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=pix_fmts=yuv420p[mfenhv]", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("zscale", Graph(Plan(Template("""{"VideoEnhance":{"Hdr":{"Type":"MfSDR"}}}"""))), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SdrToHdr10_ConvertsToPqBt2020TenBit()
    {
        var graph = Graph(Plan(Template("""{"VideoEnhance":{"Hdr":{"Type":"HDR10"}}}""", new VideoTemplateInfo { Codec = "h265", BitDepth = 10 })));
        Assert.StartsWith("[0:v:0]zscale=tin=bt709:pin=bt709:min=bt709:t=smpte2084:p=bt2020:m=bt2020nc:npl=203,format=pix_fmts=yuv420p10le[mfenhv]", graph, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Denoise":{}}""", "afftdn=nr=12:nf=-40")]
    [InlineData("""{"Beautify":{}}""", "adeclick")]
    [InlineData("""{"Beautify":{"Types":["deesser","declick"]}}""", "deesser,adeclick")]
    [InlineData("""{"VolumeBalance":{"Type":"gainControl"}}""", "dynaudnorm")]
    [InlineData("""{"VolumeBalance":{},"Denoise":{}}""", "afftdn=nr=12:nf=-40,loudnorm=I=-16:TP=-1.5:LRA=11,aformat=sample_rates=48000")]
    public void Plan_AudioSwitch_ChainsTheAudioBeforeTheEncoder(string audioEnhance, string filters)
    {
        var plan = Plan(Template($$"""{"AudioEnhance":{{audioEnhance}}}"""));
        Assert.EndsWith($"[0:a:0]{filters}[{EnhancementStage.AudioLabel}]", Graph(plan), StringComparison.Ordinal);
        Assert.Equal(["[vout]", $"[{EnhancementStage.AudioLabel}]"], plan.Job.Outputs[0].Maps);
    }

    [Fact]
    public void Plan_LoudNorm_AddsAMeasurePassOfTheSameClip()
    {
        var plan = TranscodePlanner.Plan(
            new TranscodeRequest
            {
                SourcePath = "/w/src.mp4", Source = Source, Template = Template("""{"AudioEnhance":{"Denoise":{},"VolumeBalance":{}}}"""),
                WorkDirectory = "/w", OutputFileName = "out.mp4", StartTimeOffset = 1, EndTimeOffset = 3,
            },
            new MediaOptions());
        var measure = plan.Loudness!.MeasureJob;
        Assert.Equal(plan.Job.Inputs[0], measure.Inputs[0]);
        var args = string.Join(' ', FfmpegArgumentRenderer.Render(measure));
        Assert.Contains("-ss 1 -t 2 -i /w/src.mp4", args, StringComparison.Ordinal);
        Assert.Contains("[0:a:0]afftdn=nr=12:nf=-40,loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[mfloud]", args, StringComparison.Ordinal);
        Assert.EndsWith("-f null /dev/null", args, StringComparison.Ordinal);

        var measured = new LoudnessMeasurement(-27.5, -4.5, 6, -37.6, 0.3);
        Assert.Contains("loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-27.5:measured_TP=-4.5:measured_LRA=6:measured_thresh=-37.6:offset=0.3:linear=true,aformat",
            FfmpegArgumentRenderer.RenderGraph(LoudnessPass.Complete(plan.Job, measured).FilterGraph), StringComparison.Ordinal);
        Assert.DoesNotContain("loudnorm", FfmpegArgumentRenderer.RenderGraph(LoudnessPass.Complete(plan.Job, null).FilterGraph), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoEnhancement_IsTheBasePlan()
    {
        var plain = Plan(Template());
        var off = Plan(Template("""{"VideoEnhance":{"Denoise":{"Switch":"OFF"}},"AudioEnhance":{"VolumeBalance":{"Switch":"OFF"}}}"""));
        Assert.Equal(FfmpegArgumentRenderer.Render(plain.Job), FfmpegArgumentRenderer.Render(off.Job));
        Assert.Null(off.Loudness);
    }

    [Fact]
    public void Plan_Tehd100_CrfCappedByMaxVideoBitrate()
    {
        var tehd = Template(video: new VideoTemplateInfo { Codec = "h264", Bitrate = 1000 }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 600 } };
        var video = Plan(tehd).Job.Outputs[0].Video!;
        Assert.Equal((24, (long?)null, 600_000L, 1_200_000L), (video.Crf!.Value, video.Bitrate, video.MaxRate!.Value, video.BufferSize!.Value));

        var uncapped = Plan(Template(video: new VideoTemplateInfo { Codec = "h265" }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100" } }).Job.Outputs[0].Video!;
        Assert.Equal((27, (long?)null, (long?)null), (uncapped.Crf!.Value, uncapped.MaxRate, uncapped.Bitrate));

        var byTemplate = Plan(Template(video: new VideoTemplateInfo { Codec = "h264", Bitrate = 500, Vcrf = 30 }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 900 } }).Job.Outputs[0].Video!;
        Assert.Equal((30, 500_000L), (byTemplate.Crf!.Value, byTemplate.MaxRate!.Value));
    }
}
