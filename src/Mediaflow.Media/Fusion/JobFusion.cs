using System.Globalization;
using System.Text;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Fusion;

/// <summary>
/// Pure: merges sibling jobs that read the same input into one ffmpeg job — one input, one decode, each source stream
/// that several members filter fed through <c>split</c> (video) or <c>asplit</c> (audio), every member's own chains and
/// outputs kept as they are (labels prefixed <c>m{k}_</c>). Generic over what the planners produce: any single-input job
/// whose graph reads the source as <c>0:v…</c>/<c>0:a…</c> fuses. Jobs are fusable together only when
/// <see cref="InputKey"/> is equal: same file, seek, read duration, demuxer options, pixel cap and threads; a job with a
/// second input (overlays, per-offset seeks) has no key and runs alone.
/// </summary>
public static class JobFusion
{
    private const string MemberPrefix = "m";

    /// <summary>What must be equal for two jobs to share one process, or null when the job cannot share one.</summary>
    public static string? InputKey(FfmpegJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Inputs.Count != 1 || job.Outputs.Count == 0)
        {
            return null;
        }

        if (job.FilterGraph.SelectMany(c => c.InputLabels).Any(l => IsSourceLabel(l) && StreamKind(l) is null))
        {
            return null; // a source stream the merge cannot split (subtitles, data, an index without a type)
        }

        var input = job.Inputs[0];
        var key = new StringBuilder();
        key.Append(input.Path).Append('\n')
            .Append(input.Seek?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n')
            .Append(input.Duration?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n')
            .Append(input.Format ?? "-").Append('\n')
            .AppendJoin(',', input.FormatWhitelist).Append('\n')
            .Append(job.MaxPixels.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(job.Threads.ToString(CultureInfo.InvariantCulture));
        return key.ToString();
    }

    /// <summary>One job doing the work of all <paramref name="jobs"/>; they must share one <see cref="InputKey"/>.</summary>
    public static FusedJob Fuse(IReadOnlyList<FfmpegJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            throw new ArgumentException("nothing to fuse", nameof(jobs));
        }

        var key = InputKey(jobs[0]) ?? throw new ArgumentException("job 0 cannot be fused", nameof(jobs));
        if (jobs.Any(j => InputKey(j) != key))
        {
            throw new ArgumentException("jobs read different inputs (or with different options) and cannot be fused", nameof(jobs));
        }

        if (jobs.Count == 1)
        {
            return FusedJob.Alone(jobs[0]);
        }

        // How many chains read each source stream: one reader keeps the stream, several get a split branch each.
        var readers = jobs.SelectMany(j => j.FilterGraph).SelectMany(c => c.InputLabels).Where(IsSourceLabel)
            .GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var splits = readers.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new FilterChain([r.Key], [StreamKind(r.Key) == 'v' ? new SplitFilter(r.Value) : new AudioSplitFilter(r.Value)],
                [.. Enumerable.Range(0, r.Value).Select(i => Branch(r.Key, i))]))
            .ToList();
        var taken = readers.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);

        var graph = new List<FilterChain>(splits);
        var outputs = new List<FfmpegOutput>();
        var offsets = new List<int>();
        for (var k = 0; k < jobs.Count; k++)
        {
            offsets.Add(graph.Sum(c => c.Filters.Count));
            var member = k;
            string Rename(string label)
            {
                if (!IsSourceLabel(label))
                {
                    return $"{MemberPrefix}{member}_{label}";
                }

                return readers.ContainsKey(label) ? Branch(label, taken[label]++) : label;
            }

            graph.AddRange(jobs[k].FilterGraph.Select(c => new FilterChain(
                [.. c.InputLabels.Select(Rename)], c.Filters, [.. c.OutputLabels.Select(l => $"{MemberPrefix}{member}_{l}")])));
            outputs.AddRange(jobs[k].Outputs.Select(o => o with
            {
                Maps = [.. o.Maps.Select(m => m.StartsWith('[') ? $"[{MemberPrefix}{member}_{m[1..^1]}]" : m)],
            }));
        }

        return new FusedJob(jobs[0] with { FilterGraph = graph, Outputs = ShareAudio(outputs) }, offsets);
    }

    /// <summary>
    /// Outputs that differ only in their video — MP4/MOV, one encoded video from the graph, the same source audio
    /// stream encoded the same way, the same limits and metadata handling, no subtitles — become one <see cref="TeeMuxer"/>
    /// output (at the first one's place): the audio is encoded once instead of once per output, on ffmpeg's main thread,
    /// which runs every audio encoder in series with the graph and the muxers. Each file gets the same packets as before.
    /// </summary>
    private static List<FfmpegOutput> ShareAudio(List<FfmpegOutput> outputs)
    {
        var groups = outputs.Select(SharedAudioKey).ToList();
        var merged = new List<FfmpegOutput>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var key = groups[i];
            if (key is null)
            {
                merged.Add(outputs[i]);
                continue;
            }

            var members = Enumerable.Range(0, outputs.Count).Where(j => groups[j] == key).ToList();
            if (members.Count == 1)
            {
                merged.Add(outputs[i]);
            }
            else if (members[0] == i)
            {
                var first = outputs[i];
                merged.Add(first with
                {
                    Maps = [.. members.Select(j => outputs[j].Maps[0]), first.Maps[1]],
                    Video = null,
                    VideoStreams = [.. members.Select(j => outputs[j].Video!)],
                    Muxer = new TeeMuxer([.. members.Select((j, v) => new TeeSlave(outputs[j].Path, (Mp4Muxer)outputs[j].Muxer, v))]),
                });
            }
        }

        return merged;
    }

    /// <summary>What outputs sharing one audio encode must have in common; null when an output cannot join a tee.</summary>
    private static (string AudioMap, AudioEncoding Audio, long? Frames, bool Passthrough, TimeSpan? Duration, bool StripMetadata)? SharedAudioKey(FfmpegOutput output) =>
        output is { Video: not null, VideoCopy: null, VideoStreams.Count: 0, Audio: { } audio, AudioStreams.Count: 0, Subtitles.Count: 0, Muxer: Mp4Muxer }
        && output.Maps is [var video, var sourceAudio] && video.StartsWith('[') && IsSourceLabel(sourceAudio) && StreamKind(sourceAudio) == 'a'
        && TeeSlave.IsPlainPath(output.Path)
            ? (sourceAudio, audio, output.VideoFrames, output.PassthroughTimestamps, output.Duration, output.StripMetadata)
            : null;

    /// <summary>A label naming a stream of input 0 (<c>0:v:0</c>, <c>0:a</c>), not a graph-internal link.</summary>
    private static bool IsSourceLabel(string label) => label.Length >= 2 && char.IsAsciiDigit(label[0]) && label.Contains(':', StringComparison.Ordinal);

    /// <summary><c>v</c> or <c>a</c> for <c>0:v…</c>/<c>0:a…</c>; null for anything else.</summary>
    private static char? StreamKind(string label) =>
        label.Split(':') is [var input, var kind, ..] && input == "0" && kind is "v" or "a" ? kind[0] : null;

    private static string Branch(string source, int index) =>
        $"src_{source.Replace(':', '_')}_{index.ToString(CultureInfo.InvariantCulture)}";
}
