using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Snapshots;

public sealed partial class SnapshotExecutor
{
    /// <summary>
    /// An animated clip from <paramref name="start"/> to <paramref name="end"/> seconds (the end is clamped to the source)
    /// at the template's Fps: GIF through one palette generated for the whole clip (Quality = palette size, see
    /// <see cref="ImageEncoders.GifColors"/>), or animated WebP at libwebp quality = Quality. Both loop forever.
    /// </summary>
    public Task<SnapshotRun> AnimateAsync(
        SnapshotSource source, AnimatedGraphicsTemplate template, double start, double end, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken) =>
        RunPlanAsync(PlanAnimate(source, template, start, end, workDirectory), progress, cancellationToken);

    /// <summary><see cref="AnimateAsync"/> as a plan that has not run (for sibling fusion: it seeks, so it shares a process only with the same clip).</summary>
    public MediaPlan<SnapshotRun> PlanAnimate(SnapshotSource source, AnimatedGraphicsTemplate template, double start, double end, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(template);
        if (start >= source.Duration)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.InvalidTimeOffset,
                FormattableString.Invariant($"StartTimeOffset {start:0.###} s is not before the end of the source ({source.Duration:0.###} s)"));
        }

        var clip = Math.Round(Math.Min(end, source.Duration) - start, 3);
        var geometry = ImageFraming.Geometry(source.Width, source.Height, template);
        var path = Local(workDirectory, $"animated.{template.Format}");
        var before = new Filter[] { new FpsFilter(template.Fps), new ShowInfoFilter() };
        List<FilterChain> graph;
        VideoEncoding encoding;
        if (template.Format == "gif")
        {
            graph = [.. ImageFraming.Chains("0:v:0", "frames", geometry, "black", before, "s")];
            graph.Add(new FilterChain(["frames"], [new SplitFilter(2)], ["a", "b"]));
            graph.Add(new FilterChain(["a"], [new PaletteGenFilter(ImageEncoders.GifColors(template.Quality))], ["palette"]));
            graph.Add(new FilterChain(["b", "palette"], [new PaletteUseFilter()], ["v"]));
            encoding = new VideoEncoding { Encoder = "gif", PixelFormat = "pal8" };
        }
        else
        {
            graph = [.. ImageFraming.Chains("0:v:0", "v", geometry, "black", before, "s")];
            encoding = new VideoEncoding { Encoder = "libwebp_anim", Quality = (int)template.Quality, PixelFormat = "yuv420p" };
        }

        var output = new FfmpegOutput { Path = path, Maps = ["[v]"], Video = encoding, Muxer = new AnimationMuxer(template.Format) };
        return new MediaPlan<SnapshotRun>(Job([Input(source, Math.Round(start, 3), clip)], graph, [output]), clip, (member, _) =>
        {
            var run = member.Run;
            RequireFile(path, run, "animation");
            var shown = member.Frames.Where(f => f.FilterIndex == 1).ToList();
            return Task.FromResult(new SnapshotRun
            {
                Images = [new SnapshotImage(path, shown.Count > 0 ? Math.Round(start + shown[0].PtsTime, 3) : start)],
                Width = geometry.Width,
                Height = geometry.Height,
                CommandLine = run.CommandLine,
                LogTail = run.LogTail,
            });
        });
    }
}
