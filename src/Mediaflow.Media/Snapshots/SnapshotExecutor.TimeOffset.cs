using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Snapshots;

public sealed partial class SnapshotExecutor
{
    /// <summary>Inputs (each with its own seek) per ffmpeg process: bounds the decoders open at once.</summary>
    public const int OffsetsPerProcess = 16;

    /// <summary>
    /// One image per asked offset (DESIGN §7.6): the first frame at or after the offset, by an accurate input seek
    /// (ffmpeg seeks to the keyframe before and decodes up to the offset, so the frame is the same as a full decode's).
    /// <c>"100%"</c>, or an offset within the last frame's duration, is the last frame. Past the end FAILs with
    /// <c>InvalidInput.InvalidTimeOffset</c>. Each image reports the time of the frame written. Progress is the share of
    /// images done, reported as each shot's frame comes out of its chain (its showinfo line): ffmpeg's own progress time
    /// says nothing here, every seeked input's output time starts at 0 (a last-frame shot counts when its process ends).
    /// </summary>
    public async Task<SnapshotRun> TimeOffsetsAsync(
        SnapshotSource source, SnapshotByTimeOffsetTemplate template, IReadOnlyList<TimeOffset> offsets, string workDirectory,
        IProgress<double>? progress, CancellationToken cancellationToken, VideoMarks? marks = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(offsets);
        var shots = offsets.Select((offset, i) => Shot(source, offset, i)).ToList();
        var geometry = ImageFraming.Geometry(source.Width, source.Height, template);
        var images = new List<SnapshotImage>();
        var commands = new List<string>();
        IReadOnlyList<string> tail = [];
        foreach (var batch in shots.Chunk(OffsetsPerProcess))
        {
            var graph = new List<FilterChain>();
            var outputs = new List<FfmpegOutput>();
            var showInfo = new List<int>();
            var markInputs = new List<FfmpegInput>();
            for (var i = 0; i < batch.Length; i++)
            {
                showInfo.Add(ParsedIndex(graph, graph.Count, 0));
                var marked = marks is { IsEmpty: false };
                graph.AddRange(ImageFraming.Chains($"{i}:v:0", marked ? $"f{i}" : $"v{i}", geometry, template.FillType, [new ShowInfoFilter()], $"s{i}"));
                if (marked)
                {
                    // Watermarks on the framed image; their windows are in source time, the graph's t starts at the seek.
                    var part = WatermarkGraph.Build($"f{i}", $"v{i}", geometry.Width, geometry.Height, marks!, source.Duration,
                        batch.Length + markInputs.Count, $"w{i}", shift: batch[i].Seek);
                    graph.AddRange(part.Chains);
                    markInputs.AddRange(part.Inputs);
                }

                outputs.Add(new FfmpegOutput
                {
                    Path = Local(workDirectory, $"snapshot_{batch[i].Index}.{Ext(template.Format)}"),
                    Maps = [$"[v{i}]"],
                    Video = ImageEncoders.Still(template.Format),
                    VideoFrames = batch[i].LastFrame ? null : 1,
                    Muxer = new ImageMuxer(Sequence: false),
                });
            }

            var job = Job([.. batch.Select(s => Input(source, s.Seek)), .. markInputs], graph, outputs);
            var before = images.Count;
            var shown = new HashSet<int>();
            void Shown(ShowInfoFrame frame)
            {
                var i = showInfo.IndexOf(frame.FilterIndex);
                lock (shown)
                {
                    if (i >= 0 && !batch[i].LastFrame && shown.Add(i))
                    {
                        progress?.Report(100.0 * (before + shown.Count) / shots.Count);
                    }
                }
            }

            var (run, frames) = await RunAsync(job, 0, null, cancellationToken, Shown);
            for (var i = 0; i < batch.Length; i++)
            {
                var mine = frames.Where(f => f.FilterIndex == showInfo[i]).ToList();
                RequireFile(outputs[i].Path, run, $"image for offset {batch[i].Index}");
                if (mine.Count == 0)
                {
                    throw MediaFailure.Internal($"no frame time was logged for offset {batch[i].Index}", run.CommandLine, run.LogTail);
                }

                // One frame is encoded (-frames:v 1): the first logged; the last-frame image keeps the last one (-update 1).
                var frame = batch[i].LastFrame ? mine[^1] : mine[0];
                images.Add(new SnapshotImage(outputs[i].Path, Math.Round(batch[i].Seek + frame.PtsTime, 3)));
            }

            commands.Add(run.CommandLine);
            tail = run.LogTail;
            progress?.Report(100.0 * images.Count / shots.Count);
        }

        return new SnapshotRun { Images = images, Width = geometry.Width, Height = geometry.Height, CommandLine = string.Join('\n', commands), LogTail = tail };
    }

    /// <summary>
    /// The offsets as a plan for sibling fusion: one decode of the whole source, a <see cref="FirstFramesAtFilter"/>
    /// keeping the first frame at or after each offset (the frame the accurate seek of <see cref="TimeOffsetsAsync"/>
    /// lands on), written as a sequence and handed out per offset. Null when an offset asks for the last frame (only
    /// the end of the stream tells which that is), or when the images carry watermarks (their windows are placed per
    /// seek): such a node runs alone.
    /// </summary>
    public MediaPlan<SnapshotRun>? PlanTimeOffsets(
        SnapshotSource source, SnapshotByTimeOffsetTemplate template, IReadOnlyList<TimeOffset> offsets, string workDirectory, VideoMarks? marks = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(offsets);
        var shots = offsets.Select((offset, i) => Shot(source, offset, i)).ToList();
        if (shots.Count == 0 || shots.Any(s => s.LastFrame) || marks is { IsEmpty: false })
        {
            return null;
        }

        var geometry = ImageFraming.Geometry(source.Width, source.Height, template);
        var graph = ImageFraming.Chains("0:v:0", "v", geometry, template.FillType,
            [new SetPtsFilter(), new FirstFramesAtFilter([.. shots.Select(s => s.Seek)]), new ShowInfoFilter()], "s");
        var pattern = Local(workDirectory, $"offsets_%06d.{Ext(template.Format)}");
        var output = new FfmpegOutput
        {
            Path = pattern,
            Maps = ["[v]"],
            Video = ImageEncoders.Still(template.Format),
            PassthroughTimestamps = true,
            Muxer = new ImageMuxer(Sequence: true),
        };
        return new MediaPlan<SnapshotRun>(Job([Input(source)], graph, [output]), source.Duration, (member, _) =>
        {
            var run = member.Run;
            var written = SequenceImages(pattern, [.. member.Frames.Where(f => f.FilterIndex == 2)], run);
            var images = new List<SnapshotImage>();
            foreach (var shot in shots)
            {
                // The frame the seek would land on: the first kept frame at or after the offset (ms-rounded times).
                var frame = written.FirstOrDefault(w => w.TimeOffset >= shot.Seek - 0.0005)
                    ?? throw MediaFailure.Internal(FormattableString.Invariant($"no frame was kept for offset {shot.Seek:0.###} s"), run.CommandLine, run.LogTail);
                var path = Local(workDirectory, $"snapshot_{shot.Index}.{Ext(template.Format)}");
                File.Copy(frame.LocalPath, path, overwrite: true);
                images.Add(new SnapshotImage(path, frame.TimeOffset));
            }

            return Task.FromResult(new SnapshotRun { Images = images, Width = geometry.Width, Height = geometry.Height, CommandLine = run.CommandLine, LogTail = run.LogTail });
        });
    }

    private static OffsetShot Shot(SnapshotSource source, TimeOffset offset, int index)
    {
        var seconds = offset.Seconds(source.Duration);
        if (seconds > source.Duration + 0.0005)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.InvalidTimeOffset,
                FormattableString.Invariant($"time offset {seconds:0.###} s is past the end of the source ({source.Duration:0.###} s)"));
        }

        if (offset.IsLastFrame || seconds > source.Duration - source.FrameDuration)
        {
            // The last frame: decode the final stretch and keep the last image written.
            return new OffsetShot(index, Math.Round(Math.Max(0, source.Duration - Math.Max(1, 3 * source.FrameDuration)), 3), LastFrame: true);
        }

        return new OffsetShot(index, Math.Round(seconds, 3), LastFrame: false);
    }

    private sealed record OffsetShot(int Index, double Seek, bool LastFrame);
}
