using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Snapshots;

public sealed partial class SnapshotExecutor
{
    /// <summary>
    /// Sampled screenshots in one decode: the first frame, then the first frame at or after every interval (Time: the
    /// template's seconds; Percent: that share of the duration), each scaled to the template's frame.
    /// </summary>
    public Task<SnapshotRun> SampleAsync(
        SnapshotSource source, SampleSnapshotTemplate template, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken, VideoMarks? marks = null) =>
        RunPlanAsync(PlanSample(source, template, workDirectory, marks), progress, cancellationToken);

    /// <summary><see cref="SampleAsync"/> as a plan that has not run (for sibling fusion).</summary>
    public MediaPlan<SnapshotRun> PlanSample(SnapshotSource source, SampleSnapshotTemplate template, string workDirectory, VideoMarks? marks = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(template);
        var (job, pattern, geometry) = PlanSampled(source, template, template, template.Format, null, "sample", workDirectory, marks);
        return new MediaPlan<SnapshotRun>(job, source.Duration, (member, _) =>
        {
            var images = SequenceImages(pattern, Sampled(member), member.Run);
            return Task.FromResult(new SnapshotRun { Images = images, Width = geometry.Width, Height = geometry.Height, CommandLine = member.Run.CommandLine, LogTail = member.Run.LogTail });
        });
    }

    /// <summary>
    /// One decode that keeps the sampled frames (<see cref="SelectFilter"/>), frames them to the template and writes them
    /// as a numbered image sequence; <paramref name="after"/> (e.g. tiling) goes between the framing and the encoder.
    /// The frames are those the showinfo right after the select logged (filter index 2 of the first chain, <see cref="Sampled"/>).
    /// </summary>
    private (FfmpegJob Job, string Pattern, OutputGeometry Geometry) PlanSampled(
        SnapshotSource source, ISampling sampling, IImageGeometry size, string format, Filter? after, string name, string workDirectory,
        VideoMarks? marks = null)
    {
        var geometry = ImageFraming.Geometry(source.Width, source.Height, size);
        var graph = ImageFraming.Chains("0:v:0", after is null ? "v" : "framed", geometry, size.FillType,
            [new SetPtsFilter(), new SelectFilter(Interval(source, sampling)), new ShowInfoFilter()], "s").ToList();
        if (after is not null)
        {
            graph.Add(new FilterChain(["framed"], [after], ["v"]));
        }

        // Watermarks on every kept image (t is the source time from the first frame, as the windows are).
        (graph, var markInputs) = WatermarkGraph.Append(graph, "v", marks, geometry.Width, geometry.Height, source.Duration, 1, null);

        var pattern = Local(workDirectory, $"{name}_%06d.{Ext(format)}");
        var output = new FfmpegOutput
        {
            Path = pattern,
            Maps = ["[v]"],
            Video = ImageEncoders.Still(format),
            PassthroughTimestamps = true,
            Muxer = new ImageMuxer(Sequence: true),
        };
        return (Job([Input(source), .. markInputs], graph, [output]), pattern, geometry);
    }

    /// <summary>The frames the showinfo after the select of <see cref="PlanSampled"/> logged.</summary>
    private static List<ShowInfoFrame> Sampled(MemberRun member) => [.. member.Frames.Where(f => f.FilterIndex == 2)];

    /// <summary>Seconds between samples: Time = the interval; Percent = that share of the video duration.</summary>
    public static double Interval(SnapshotSource source, ISampling sampling)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sampling);
        var seconds = sampling.SampleType == "Percent" ? source.Duration * sampling.SampleInterval / 100.0 : sampling.SampleInterval;
        return Math.Max(seconds, 0.001);
    }

    /// <summary>The numbered files of a sequence output, paired in order with the frames the showinfo before the encoder logged.</summary>
    private static List<SnapshotImage> SequenceImages(string pattern, List<ShowInfoFrame> frames, ProcessRunResult run)
    {
        var images = new List<SnapshotImage>();
        for (var i = 0; ; i++)
        {
            var path = pattern.Replace("%06d", i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (!File.Exists(path))
            {
                break;
            }

            if (i >= frames.Count)
            {
                throw MediaFailure.Internal($"image {i} was written but no frame time was logged for it", run.CommandLine, run.LogTail);
            }

            images.Add(new SnapshotImage(path, Math.Round(frames[i].PtsTime, 3)));
        }

        if (images.Count == 0)
        {
            throw MediaFailure.Internal("ffmpeg exited 0 but wrote no image", run.CommandLine, run.LogTail);
        }

        return images;
    }
}
