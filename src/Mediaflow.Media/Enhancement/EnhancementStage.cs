using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// What EnhanceConfig and TEHDConfig change in a transcode: the template and source the base planner sees (frame-rate
/// override, the super-resolved size), a video chain run on the decoded source before the template's
/// fps/scale/fill chain, an audio chain before the encoder, the TEHD rate control, and a loudness measure pass.
/// </summary>
public sealed record EnhancementStage
{
    public const string VideoLabel = "mfenhv";
    public const string AudioLabel = "mfenha";
    private const string SourceVideo = "0:v:0";
    private const string SourceAudio = "0:a:0";

    public required TranscodeTemplate Template { get; init; }
    public required ProbeResult Source { get; init; }
    public IReadOnlyList<Filter> VideoFilters { get; init; } = [];
    public IReadOnlyList<Filter> AudioFilters { get; init; } = [];

    /// <summary>TEHD-100: the rate control that replaces the template's.</summary>
    public TehdRateControl? Tehd { get; init; }

    public bool ChangesNothing => VideoFilters.Count == 0 && AudioFilters.Count == 0 && Tehd is null;

    /// <summary>Splices the chains into the base plan's graph and maps, applies TEHD, and adds the loudness pass.</summary>
    public TranscodePlan Apply(TranscodePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var graph = plan.Job.FilterGraph.ToList();
        var output = plan.Job.Outputs[0];
        if (VideoFilters.Count > 0 && graph.Any(c => c.InputLabels.Contains(SourceVideo)))
        {
            graph = [new([SourceVideo], VideoFilters, [VideoLabel]), .. graph.Select(c => c with { InputLabels = [.. c.InputLabels.Select(l => l == SourceVideo ? VideoLabel : l)] })];
        }

        var audioChained = AudioFilters.Count > 0 && output.Maps.Contains(SourceAudio);
        if (audioChained)
        {
            graph.Add(new([SourceAudio], AudioFilters, [AudioLabel]));
            output = output with { Maps = [.. output.Maps.Select(m => m == SourceAudio ? $"[{AudioLabel}]" : m)] };
        }

        if (Tehd is { } tehd && output.Video is { } video)
        {
            output = output with { Video = tehd.Apply(video) };
        }

        var job = plan.Job with { FilterGraph = graph, Outputs = [output, .. plan.Job.Outputs.Skip(1)] };
        var loudness = audioChained && AudioFilters.OfType<LoudnormFilter>().Any() ? LoudnessPass.For(job, plan.Clip, AudioFilters) : null;
        return plan with { Job = job, Loudness = loudness };
    }
}
