using System.Globalization;
using System.Text.RegularExpressions;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// Format diagnosis: one ffprobe pass that lists every packet and decodes every frame (decoder errors attached to the
/// frames with <c>-show_log</c>), streamed line by line into the pure <see cref="FormatAnalyzer"/>; an HLS playlist
/// input (<c>.m3u8</c>) is checked as text by <see cref="HlsPlaylistChecker"/> instead, and its segments (when they are
/// beside it) by <see cref="HlsSegmentChecker"/>.
/// </summary>
public sealed partial class FormatInspector(MediaOptions options, MediaProcessRunner runner) : IQualityInspector
{
    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(FormatAnalyzer.Items.Concat(HlsPlaylistChecker.Items).Concat(HlsSegmentChecker.Items), StringComparer.Ordinal);

    /// <summary>The ffprobe arguments: only the fields the rules read, in compact form (one record per line).</summary>
    public IReadOnlyList<string> Arguments(string path)
    {
        var args = new List<string> { "-hide_banner", "-v", "error", "-protocol_whitelist", FfmpegArgumentRenderer.ProtocolWhitelist };
        if (options.SourceFormats.Count > 0)
        {
            args.AddRange(["-format_whitelist", string.Join(',', options.SourceFormats)]);
        }

        if (options.MaxPixels > 0)
        {
            args.AddRange(["-max_pixels", options.MaxPixels.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(
        [
            "-show_log", "16",
            "-show_entries",
            "packet=codec_type,stream_index,pts_time,dts_time,flags,pos"
                + ":frame=media_type,stream_index,key_frame,pts_time,best_effort_timestamp_time,pkt_duration_time,width,height,nb_samples,channels"
                + ":log=context,level"
                + ":stream=index,codec_type,codec_name,codec_tag_string,time_base,width,height,sample_aspect_ratio,display_aspect_ratio:stream_tags=timecode,rotate"
                + ":stream_side_data=side_data_type,rotation"
                + ":program=program_id",
            "-of", "compact", "-i", path,
        ]);
        return args;
    }

    /// <summary>
    /// AudioOutOfPhase settings: the item's Threshold is the phase angle in degrees (90–180, default 170: the channels
    /// nearly cancel), its Duration the minimum length (default 2 s).
    /// </summary>
    internal static AphasemeterFilter PhaseSettings(QcItemRequest item)
    {
        var angle = double.TryParse(item.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? Math.Clamp(a, 90, 180) : 170;
        return new AphasemeterFilter(angle, item.MinDuration is > 0 ? item.MinDuration.Value : 2);
    }

    /// <summary>
    /// AVTimestampInterleave's Threshold: seconds, above 0 (default <see cref="FormatRules.InterleaveSeconds"/>); anything
    /// else is a permanent configuration failure naming the item.
    /// </summary>
    internal static double InterleaveThreshold(QcItemRequest? item)
    {
        if (string.IsNullOrWhiteSpace(item?.Threshold))
        {
            return FormatRules.InterleaveSeconds;
        }

        return double.TryParse(item.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s)
            ? s
            : throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"AVTimestampInterleave: Threshold '{item.Threshold}' is not a number of seconds above 0.");
    }

    /// <summary>A decoder's log line on stderr, e.g. <c>[mp2 @ 0x55…] Header missing</c>; the context is the decoder name.</summary>
    [GeneratedRegex(@"^\[([A-Za-z0-9_]+) @ 0x[0-9a-f]+\] ", RegexOptions.CultureInvariant)]
    private static partial Regex DecoderLog();

    public async Task<QcReport> InspectAsync(QcInspection inspection, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(progress);
        var wanted = inspection.Items.Select(i => i.Type).ToHashSet(StringComparer.Ordinal);
        if (HlsPlaylistChecker.IsPlaylist(inspection.InputPath))
        {
            var hls = HlsPlaylistChecker.CheckFile(inspection.InputPath);
            if (!HlsSegmentChecker.Items.Any(wanted.Contains))
            {
                progress.Report(1);
                return new QcReport { Diagnoses = [.. hls.Where(d => wanted.Contains(d.Type))] };
            }

            var (segmentDiagnoses, segmentCommands) = await SegmentPassAsync(inspection.InputPath, SegmentThreshold(inspection.Items), progress, cancellationToken);
            progress.Report(1);
            return new QcReport { Diagnoses = [.. hls.Concat(segmentDiagnoses).Where(d => wanted.Contains(d.Type))], CommandLine = string.Join('\n', segmentCommands) };
        }

        var analyzer = new FormatAnalyzer(inspection.Probe.Container, InterleaveThreshold(inspection.Items.FirstOrDefault(i => i.Type == "AVTimestampInterleave")));
        var reader = new FfprobeCompactReader();
        var gate = new Lock();
        var duration = inspection.Probe.Duration;
        var lastReported = 0.0;
        void Observe(FfprobeRecord? record)
        {
            if (record is null)
            {
                return;
            }

            analyzer.Observe(record);
            if (duration > 0 && record.Number("pts_time") is { } t && t / duration - lastReported >= 0.05)
            {
                lastReported = Math.Min(1, t / duration);
                progress.Report(lastReported);
            }
        }

        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfprobePath,
                Arguments = Arguments(inspection.InputPath),
                // ffprobe reports no progress; a full decode of a long source runs well under twice its duration.
                Timeout = options.ProbeTimeout + TimeSpan.FromSeconds(2 * Math.Max(0, duration)),
                OnStandardOutputLine = line =>
                {
                    lock (gate)
                    {
                        Observe(reader.Feed(line));
                    }
                },
                OnStandardErrorLine = line =>
                {
                    if (DecoderLog().Match(line) is { Success: true } m)
                    {
                        lock (gate)
                        {
                            analyzer.ObserveDecoderLog(m.Groups[1].Value);
                        }
                    }
                },
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var reason = run.LogTail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"ffprobe exited with code {run.ExitCode}";
            throw MediaFailure.Permanent(MediaErrorCodes.ContentMalformed, $"The format diagnosis could not read the source: {reason}", run.CommandLine, run.LogTail);
        }

        var commandLines = new List<string> { run.CommandLine };
        var phase = wanted.Contains("AudioOutOfPhase") && inspection.Probe.Audio is { Channels: 2 }
            ? PhaseSettings(inspection.Items.First(i => i.Type == "AudioOutOfPhase"))
            : null;
        if (inspection.Probe.HasAudio && (phase is not null || wanted.Contains("AudioSampleRateChanged") || wanted.Contains("AudioChannelsChanged")))
        {
            commandLines.Add(await AudioPassAsync(
                inspection.InputPath,
                phase,
                format =>
                {
                    lock (gate)
                    {
                        analyzer.ObserveAudioFormat(format);
                    }
                },
                start =>
                {
                    lock (gate)
                    {
                        analyzer.ObserveOutOfPhase(start);
                    }
                },
                cancellationToken));
        }

        if (wanted.Contains("ParameterSetsChanged") && ParameterSetTypes(inspection.Probe.Video?.Codec ?? "") is { } nalTypes)
        {
            var trace = new ParameterSetTrace();
            commandLines.Add(await ParameterSetPassAsync(inspection.InputPath, nalTypes, trace, cancellationToken));
            lock (gate)
            {
                analyzer.ObserveParameterSetChanges(trace.Changes);
            }
        }

        IReadOnlyList<QcDiagnosis> diagnoses;
        lock (gate)
        {
            Observe(reader.Flush());
            diagnoses = analyzer.Finish();
        }

        progress.Report(1);
        return new QcReport
        {
            Diagnoses = [.. diagnoses.Where(d => wanted.Contains(d.Type))],
            CommandLine = string.Join('\n', commandLines),
            LogTail = string.Join('\n', run.LogTail),
        };
    }
}
