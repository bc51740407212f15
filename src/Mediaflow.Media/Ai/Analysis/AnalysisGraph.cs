using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Ai.Analysis;

/// <summary>
/// The one decode the analysis needs: the video scaled to 160×90 through scene scoring, signalstats and blurdetect, the
/// audio as 0.1 s mono windows through astats; each chain prints its frame metadata to a file and ends in a null output.
/// </summary>
public static class AnalysisGraph
{
    public const long Width = 160;
    public const long Height = 90;
    public const long AudioRate = 16000;

    public static FfmpegJob Build(string inputPath, bool hasAudio, string videoStatsPath, string audioStatsPath)
    {
        var graph = new List<FilterChain>
        {
            new(["0:v:0"], [new ScaleFilter(Width, Height), new SceneScoreFilter(), new SignalStatsFilter(), new BlurDetectFilter(), new MetadataPrintFilter(Audio: false) { FilePath = videoStatsPath }], ["mfav"]),
        };
        var outputs = new List<FfmpegOutput>
        {
            new() { Path = "/dev/null", Maps = ["[mfav]"], Video = new VideoEncoding { Encoder = "wrapped_avframe" }, Muxer = new PlainMuxer("null") },
        };
        if (hasAudio)
        {
            graph.Add(new(["0:a:0"], [new AudioFormatFilter(AudioRate, "mono"), new AsetnsamplesFilter(AudioRate / 10), new AstatsFilter { MeasurePerChannel = AstatsFilter.Levels, MeasureOverall = AstatsFilter.None }, new MetadataPrintFilter(Audio: true) { FilePath = audioStatsPath }], ["mfaa"]));
            outputs.Add(new() { Path = "/dev/null", Maps = ["[mfaa]"], Audio = new AudioEncoding { Encoder = "pcm_s16le" }, Muxer = new PlainMuxer("null") });
        }

        return new FfmpegJob { Inputs = [new FfmpegInput { Path = inputPath }], FilterGraph = graph, Outputs = outputs };
    }
}
