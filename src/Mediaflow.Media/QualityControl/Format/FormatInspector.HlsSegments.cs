using System.Globalization;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;

namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatInspector
{
    /// <summary>The error code of a segment a playlist names that is not there (the engine stages every one it can fetch).</summary>
    internal const string SegmentMissing = "SourceFileError.DownloadNotAccessible";

    /// <summary>
    /// The threshold of the PTS/DTS deviation items: the item's Threshold in seconds (above 0), else
    /// <see cref="HlsSegmentChecker.DefaultThresholdSeconds"/>; the smaller one when both items are enabled with different values
    /// applies to both. Anything else fails the node permanently, naming the item.
    /// </summary>
    internal static double SegmentThreshold(IEnumerable<QcItemRequest> items)
    {
        var values = new List<double>();
        foreach (var item in items.Where(i => i.Type is HlsSegmentChecker.PtsDeviation or HlsSegmentChecker.DtsDeviation && !string.IsNullOrWhiteSpace(i.Threshold)))
        {
            values.Add(double.TryParse(item.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s)
                ? s
                : throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{item.Type}: Threshold '{item.Threshold}' is not a number of seconds above 0."));
        }

        return values.Count > 0 ? values.Min() : HlsSegmentChecker.DefaultThresholdSeconds;
    }

    /// <summary>
    /// The media playlists of a local playlist: itself, or a master's variants and renditions that sit beside it (the
    /// engine stages them there under generated names; no parent paths, no URLs).
    /// </summary>
    internal static IReadOnlyList<string> MediaPlaylists(string path)
    {
        var text = File.ReadAllText(path);
        if (!HlsPlaylistText.IsMaster(text))
        {
            return [path];
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return [.. HlsPlaylistText.References(text)
            .Where(r => r.Kind == HlsReferenceKind.MediaPlaylist && LocalName(r.Uri))
            .Select(r => Path.Combine(directory, r.Uri))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)];
    }

    private static bool LocalName(string uri) =>
        uri.Length > 0 && !uri.Contains("..", StringComparison.Ordinal) && !uri.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(uri);

    /// <summary>
    /// The HLS segment pass: every segment of every media playlist probed for its streams and packet timestamps (no
    /// decode; one short ffprobe per segment), then <see cref="HlsSegmentChecker"/>. A segment the playlist names that
    /// is not beside it fails the inspection, naming it. Returns the diagnoses and the command lines.
    /// </summary>
    private async Task<(IReadOnlyList<QcDiagnosis> Diagnoses, IReadOnlyList<string> Commands)> SegmentPassAsync(
        string playlistPath, double threshold, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var playlists = MediaPlaylists(playlistPath).Select(p => (Path: p, Segments: HlsPlaylistText.Segments(File.ReadAllText(p)))).ToList();
        var total = Math.Max(1, playlists.Sum(p => p.Segments.Count));
        var done = 0;
        var summaries = new List<IReadOnlyList<HlsSegmentSummary>>();
        var commands = new List<string>();
        foreach (var (path, segments) in playlists)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var list = new List<HlsSegmentSummary>();
            foreach (var segment in segments)
            {
                var file = LocalName(segment.Uri) ? Path.Combine(directory, segment.Uri) : null;
                if (file is null || !File.Exists(file))
                {
                    throw MediaFailure.Permanent(SegmentMissing, $"The HLS segment '{segment.Uri}' named by the playlist is not available.");
                }

                var run = await runner.RunAsync(new ProcessRunRequest { Program = options.FfprobePath, Arguments = SegmentArguments(file), Timeout = options.ProbeTimeout }, cancellationToken);
                if (run.ExitCode != 0)
                {
                    var reason = run.LogTail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"ffprobe exited with code {run.ExitCode}";
                    throw MediaFailure.Permanent(MediaErrorCodes.ContentMalformed, $"The HLS segment '{segment.Uri}' cannot be read as media: {reason}", run.CommandLine, run.LogTail);
                }

                if (commands.Count == 0)
                {
                    commands.Add(run.CommandLine + " (once per segment)");
                }

                list.Add(HlsSegmentChecker.Summarize(segment.Start, segment.Discontinuity, Records(run.StandardOutput)));
                progress.Report(++done / (double)total);
            }

            summaries.Add(list);
        }

        return (HlsSegmentChecker.Check(summaries, threshold), commands);
    }

    private static List<FfprobeRecord> Records(string output)
    {
        var reader = new FfprobeCompactReader();
        var records = new List<FfprobeRecord>();
        foreach (var line in output.Split('\n'))
        {
            if (reader.Feed(line.TrimEnd('\r')) is { } record)
            {
                records.Add(record);
            }
        }

        if (reader.Flush() is { } last)
        {
            records.Add(last);
        }

        return records;
    }

    /// <summary>One segment's ffprobe: its streams and packet timestamps only (no decode), behind the source whitelists.</summary>
    internal IReadOnlyList<string> SegmentArguments(string path)
    {
        var args = new List<string> { "-hide_banner", "-v", "error", "-protocol_whitelist", FfmpegArgumentRenderer.ProtocolWhitelist };
        if (options.SourceFormats.Count > 0)
        {
            args.AddRange(["-format_whitelist", string.Join(',', options.SourceFormats)]);
        }

        args.AddRange(["-show_entries", "stream=index,codec_type:packet=stream_index,pts_time,dts_time,duration_time", "-of", "compact", "-i", path]);
        return args;
    }
}
