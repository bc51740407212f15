using System.Globalization;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

/// <summary>
/// Pure: an <see cref="AdaptiveRequest"/> → one ffmpeg job that decodes the source once, <c>split</c>s the video into
/// one scaler/encoder chain per sub-stream and writes one HLS media playlist per sub-stream. Each sub-stream is planned
/// by <see cref="TranscodePlanner"/> (so a rung gets exactly what a transcode with the same Video/Audio would get); the
/// master playlist is written afterwards from the measured segments (<see cref="HlsMasterPlaylist"/>).
/// </summary>
public static class AdaptivePlanner
{
    public static AdaptivePlan Plan(AdaptiveRequest request, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var template = request.Template;
        return template.Format switch
        {
            "HLS" => PlanHls(request, options),
            "MPEG-DASH" => PlanDash(request, options),
            _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Format {template.Format} is not implemented for adaptive streams (HLS and MPEG-DASH are)."),
        };
    }

    private static AdaptivePlan PlanHls(AdaptiveRequest request, MediaOptions options)
    {
        var template = request.Template;
        var fmp4 = template.SegmentType switch
        {
            "ts-segment" => false,
            "mp4-segment" => true,
            _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"SegmentType {template.SegmentType} is not implemented for HLS (ts-segment and mp4-segment are)."),
        };
        if (request.SimpleAes is { } aes)
        {
            ValidateHex(aes.KeyHex, "Key");
            if (aes.IvHex is { Length: > 0 } iv)
            {
                ValidateHex(iv, "Vector");
            }
        }

        var manifestName = TranscodePlanner.PlainFileName(request.ManifestFileName, "ManifestFileName");
        var rungs = SelectRungs(template, request.Source);
        var directory = request.WorkDirectory.Replace("%", "%%", StringComparison.Ordinal);
        var keyPath = request.SimpleAes is null ? null : Path.Combine(request.WorkDirectory, ".mfkey.bin");
        var keyInfoPath = request.SimpleAes is null ? null : Path.Combine(request.WorkDirectory, ".mfkey.info");
        var videoRungs = rungs.Count(r => r.Template.VideoTemplate is not null && request.Source.HasVideo);
        var graph = new List<FilterChain>();
        if (videoRungs > 1)
        {
            graph.Add(new FilterChain(["0:v:0"], [new SplitFilter(videoRungs)], [.. Enumerable.Range(0, videoRungs).Select(i => $"split{i}")]));
        }

        var outputs = new List<FfmpegOutput>();
        var marks = new List<FfmpegInput>();
        var planned = new List<AdaptiveRung>();
        FfmpegInput? input = null;
        ClipRange? clip = null;
        var splitIndex = 0;
        foreach (var (number, rungTemplate) in rungs)
        {
            var playlist = TranscodePlanner.PlainFileName(request.SubStreamFileName(Text(number)), "SubStreamFileName");
            var plan = TranscodePlanner.Plan(new TranscodeRequest
            {
                SourcePath = request.SourcePath,
                Source = request.Source,
                Template = rungTemplate,
                WorkDirectory = request.WorkDirectory,
                OutputFileName = playlist,
                InitSegmentFileName = fmp4 ? $"{Path.GetFileNameWithoutExtension(playlist)}_init.mp4" : null,
                Marks = request.Marks,
            }, options);
            input ??= plan.Job.Inputs[0];
            clip ??= plan.Clip;
            var output = plan.Job.Outputs[0];
            var rename = RungLabels(number, splitIndex, videoRungs);
            graph.AddRange(RungChains(plan.Job.FilterGraph, rename));
            AddMarkInputs(marks, plan.Job.Inputs, graph, videoRungs);
            if (output.Video is not null)
            {
                splitIndex++;
            }

            var hlsMuxer = (HlsMuxer)output.Muxer;
            var prefix = string.Create(CultureInfo.InvariantCulture, $".mfseg{number}-");
            var extension = fmp4 ? "m4s" : "ts";
            outputs.Add(output with
            {
                Maps = [.. output.Maps.Select(m => m.StartsWith('[') ? $"[{rename(m[1..^1])}]" : m)],
                Muxer = hlsMuxer with
                {
                    SegmentPathPattern = Path.Combine(directory, $"{prefix}%05d.{extension}"),
                    KeyInfoPath = keyInfoPath,
                },
            });
            var n = number;
            var layout = new HlsLayout(prefix, extension, i => request.SegmentFileName(Text(n), Text(i)), hlsMuxer.InitFileName);
            planned.Add(new AdaptiveRung(number, plan.MainPath, layout, plan.Geometry, output.Video is not null, output.Audio is not null));
        }

        var names = planned.Select(r => Path.GetFileName(r.PlaylistPath)).Append(manifestName).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "The manifest and sub-stream file names must all differ (SubStreamObjectName needs {subStreamNumber}).");
        }

        return new AdaptivePlan
        {
            Job = new FfmpegJob { Inputs = [input!, .. marks], FilterGraph = graph, Outputs = outputs, MaxPixels = options.MaxPixels, Threads = options.Threads },
            Rungs = planned,
            Clip = clip ?? throw new InvalidOperationException("no sub-stream planned"),
            ManifestPath = Path.Combine(request.WorkDirectory, manifestName),
            KeyPath = keyPath,
            KeyInfoPath = keyInfoPath,
        };
    }

    /// <summary>
    /// DASH: one job whose single output carries every rung's video (its own encoder, planned as the HLS rung would be,
    /// so key frames are forced on the same segment grid) and each distinct audio encoding once. Representation ids are
    /// ffmpeg's stream indexes: video rungs first in sub-stream order, then audio. <c>mp4-byterange</c> writes one
    /// byte-ranged fMP4 per representation (<c>-single_file</c>); <c>mp4-segment</c> (our extension for DASH) writes
    /// init + numbered segments.
    /// </summary>
    private static AdaptivePlan PlanDash(AdaptiveRequest request, MediaOptions options)
    {
        var template = request.Template;
        var singleFile = template.SegmentType switch
        {
            "mp4-byterange" => true,
            "mp4-segment" => false,
            _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"SegmentType {template.SegmentType} is not implemented for MPEG-DASH (mp4-byterange and mp4-segment are)."),
        };
        if (request.SimpleAes is not null)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "DrmInfo simpleaes is HLS AES-128; MPEG-DASH needs a DRM system this server does not implement.");
        }

        var manifestName = TranscodePlanner.PlainFileName(request.ManifestFileName, "ManifestFileName");
        const string id = "$RepresentationID$";
        var initName = DashName(request.SubStreamFileName(id), "SubStreamObjectName", id);
        var mediaName = singleFile ? null : DashName(request.SegmentFileName(id, "$Number$"), "SegmentObjectName", id, "$Number$");
        var rungs = SelectRungs(template, request.Source);
        var videoRungs = rungs.Count(r => r.Template.VideoTemplate is not null && request.Source.HasVideo);
        var graph = new List<FilterChain>();
        if (videoRungs > 1)
        {
            graph.Add(new FilterChain(["0:v:0"], [new SplitFilter(videoRungs)], [.. Enumerable.Range(0, videoRungs).Select(i => $"split{i}")]));
        }

        var videoMaps = new List<string>();
        var marks = new List<FfmpegInput>();
        var videos = new List<(VideoEncoding Encoding, int Number, OutputGeometry? Geometry)>();
        var audios = new List<(AudioEncoding Encoding, List<int> Numbers)>();
        FfmpegInput? input = null;
        ClipRange? clip = null;
        var segmentSeconds = 0;
        foreach (var (number, rungTemplate) in rungs)
        {
            var plan = TranscodePlanner.Plan(new TranscodeRequest
            {
                SourcePath = request.SourcePath,
                Source = request.Source,
                Template = rungTemplate,
                WorkDirectory = request.WorkDirectory,
                OutputFileName = Text(number) + ".m3u8",
                Marks = request.Marks,
            }, options);
            input ??= plan.Job.Inputs[0];
            clip ??= plan.Clip;
            var output = plan.Job.Outputs[0];
            segmentSeconds = segmentSeconds > 0 ? segmentSeconds : ((HlsMuxer)output.Muxer).SegmentSeconds;
            if (output.Video is { } video)
            {
                var rename = RungLabels(number, videos.Count, videoRungs);
                graph.AddRange(RungChains(plan.Job.FilterGraph, rename));
                AddMarkInputs(marks, plan.Job.Inputs, graph, videoRungs);
                videoMaps.AddRange(output.Maps.Where(m => m.StartsWith('[')).Select(m => $"[{rename(m[1..^1])}]"));
                videos.Add((video, number, plan.Geometry));
            }

            if (output.Audio is { } audio)
            {
                var same = audios.FindIndex(a => a.Encoding == audio);
                if (same < 0)
                {
                    audios.Add((audio, [number]));
                }
                else
                {
                    audios[same].Numbers.Add(number);
                }
            }
        }

        var sets = new List<string>();
        if (videos.Count > 0)
        {
            sets.Add("v");
        }

        if (audios.Count > 0)
        {
            sets.Add("a");
        }

        var representations = videos.Select((v, i) => new DashRepresentation(i, [v.Number], v.Geometry, initName, mediaName))
            .Concat(audios.Select((a, i) => new DashRepresentation(videos.Count + i, a.Numbers, null, initName, mediaName))).ToList();
        var manifestPath = Path.Combine(request.WorkDirectory, manifestName);
        var muxer = new DashMuxer { SegmentSeconds = segmentSeconds, AdaptationSets = sets, SingleFile = singleFile, InitName = initName, MediaName = mediaName };
        return new AdaptivePlan
        {
            Job = new FfmpegJob
            {
                Inputs = [input!, .. marks],
                FilterGraph = graph,
                Outputs =
                [
                    new FfmpegOutput
                    {
                        Path = manifestPath,
                        Maps = [.. videoMaps, .. audios.Select(_ => "0:a:0")],
                        VideoStreams = [.. videos.Select(v => v.Encoding)],
                        AudioStreams = [.. audios.Select(a => a.Encoding)],
                        Muxer = muxer,
                    },
                ],
                MaxPixels = options.MaxPixels,
                Threads = options.Threads,
            },
            Rungs = [],
            Representations = representations,
            Clip = clip ?? throw new InvalidOperationException("no sub-stream planned"),
            ManifestPath = manifestPath,
        };
    }

    /// <summary>A DASH name template: a plain file name carrying the tokens that keep representations and segments apart, and no other <c>$</c>.</summary>
    private static string DashName(string name, string field, params string[] tokens)
    {
        var plain = TranscodePlanner.PlainFileName(name, field);
        var rest = tokens.Aggregate(plain, (text, token) => text.Replace(token, "", StringComparison.Ordinal));
        if (tokens.Any(t => !plain.Contains(t, StringComparison.Ordinal)) || rest.Contains('$', StringComparison.Ordinal) || rest.Contains('%', StringComparison.Ordinal))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                $"{field} '{plain}' must carry {{subStreamNumber}}{(tokens.Length > 1 ? " and {segmentNumber}" : "")} and no '$' or '%' of its own for MPEG-DASH.");
        }

        return plain;
    }

    /// <summary>
    /// The label map of one rung's chains in the shared graph: the source video becomes the rung's <c>split</c> branch,
    /// a watermark picture input (<c>k:v:0</c>, k ≥ 1) the rung's branch of that picture's split (see
    /// <see cref="AddMarkInputs"/>), other input specifiers stay, and every label of the rung's own gets the prefix
    /// <c>r{number}</c> so rungs never share one.
    /// </summary>
    private static Func<string, string> RungLabels(int number, int videoIndex, int videoRungs) => label =>
    {
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(label.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return (index, videoRungs > 1) switch
            {
                (0, true) when label == "0:v:0" => $"split{videoIndex}",
                ( > 0, true) => $"mfwmin{index}_{videoIndex}",
                _ => label,
            };
        }

        return string.Create(CultureInfo.InvariantCulture, $"r{number}{label}");
    };

    private static IEnumerable<FilterChain> RungChains(IEnumerable<FilterChain> chains, Func<string, string> rename) =>
        chains.Select(chain => chain with
        {
            InputLabels = [.. chain.InputLabels.Select(rename)],
            OutputLabels = [.. chain.OutputLabels.Select(rename)],
        });

    /// <summary>
    /// Watermark pictures are inputs 1..n of every video rung's plan (the same marks, so the same inputs): they are added
    /// to the job once, from the first video rung, and with several video rungs each is <c>split</c> into one branch per
    /// rung (a picture is read once and scaled per rung).
    /// </summary>
    private static void AddMarkInputs(List<FfmpegInput> marks, IReadOnlyList<FfmpegInput> rungInputs, List<FilterChain> graph, int videoRungs)
    {
        if (marks.Count > 0 || rungInputs.Count <= 1)
        {
            return;
        }

        marks.AddRange(rungInputs.Skip(1));
        if (videoRungs <= 1)
        {
            return;
        }

        for (var index = 1; index <= marks.Count; index++)
        {
            var k = index;
            graph.Add(new FilterChain([$"{k}:v:0"], [new SplitFilter(videoRungs)], [.. Enumerable.Range(0, videoRungs).Select(i => $"mfwmin{k}_{i}")]));
        }
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Key info file for <c>-hls_key_info_file</c>: key URI, key file path, optional IV.</summary>
    public static string KeyInfo(SimpleAesKey key, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Uri.Contains('\n', StringComparison.Ordinal) || key.Uri.Contains('\r', StringComparison.Ordinal) || key.Uri.Contains('"', StringComparison.Ordinal))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "DrmInfo.SimpleAesDrm.Uri must be one line without quotes.");
        }

        return key.IvHex is { Length: > 0 } iv ? $"{key.Uri}\n{keyPath}\n{iv}\n" : $"{key.Uri}\n{keyPath}\n";
    }

    /// <summary>
    /// The sub-streams to write, numbered by their place in StreamInfos. PureAudio drops every video; DisableHigher…
    /// drops rungs whose video bitrate / output size exceeds the source's; if that drops all of them, the lowest
    /// (smallest size, then bitrate) is kept so the stream is never empty.
    /// </summary>
    public static IReadOnlyList<(int Number, TranscodeTemplate Template)> SelectRungs(AdaptiveDynamicStreamingTemplate template, ProbeResult source)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(source);
        var all = template.StreamInfos.Select((s, i) => (Number: i, Template: new TranscodeTemplate
        {
            Container = "hls",
            RemoveAudio = s.RemoveAudio,
            RemoveVideo = template.PureAudio == 1 ? 1 : s.RemoveVideo,
            VideoTemplate = template.PureAudio == 1 || s.RemoveVideo == 1 ? null : s.Video! with { SegmentType = template.SegmentType == "mp4-segment" ? 7 : 0 },
            AudioTemplate = s.RemoveAudio == 1 ? null : s.Audio,
        })).ToList();
        var sourceVideo = source.Video;
        if (sourceVideo is null || template.PureAudio == 1)
        {
            return all;
        }

        var kept = all.Where(r => r.Template.VideoTemplate is not { } v || !(
            (template.DisableHigherVideoBitrate == 1 && v.Bitrate is > 0 && sourceVideo.Bitrate > 0 && v.Bitrate * 1000 > sourceVideo.Bitrate)
            || (template.DisableHigherVideoResolution == 1 && Area(v, sourceVideo) > (long)sourceVideo.Width * sourceVideo.Height))).ToList();
        return kept.Count > 0
            ? kept
            : [all.OrderBy(r => Area(r.Template.VideoTemplate!, sourceVideo)).ThenBy(r => r.Template.VideoTemplate!.Bitrate ?? 0).First()];
    }

    private static long Area(VideoTemplateInfo video, ProbedVideoTrack source)
    {
        var g = OutputGeometry.Compute(source.Width, source.Height, video);
        return (long)g.Width * g.Height;
    }

    private static void ValidateHex(string hex, string field)
    {
        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"DrmInfo.SimpleAesDrm.{field} must be 32 hex digits.");
        }
    }
}
