using System.Globalization;
using System.Xml.Linq;
using Mediaflow.Media.Ai.Subtitles;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

public sealed partial class AdaptiveExecutor
{
    /// <summary>
    /// The cues of every AddOnSubtitles file, read before ffmpeg runs so a bad file fails the node early: SRT and WebVTT
    /// are read (<see cref="SubtitleReader"/>); ASS is <c>ContentUnsupported</c>, a file without a cue <c>ContentMalformed</c>.
    /// </summary>
    private static async Task<IReadOnlyList<IReadOnlyList<SubtitleCue>>> ReadSubtitlesAsync(AdaptiveRequest request, CancellationToken cancellationToken)
    {
        var all = new List<IReadOnlyList<SubtitleCue>>();
        for (var i = 0; i < request.Subtitles.Count; i++)
        {
            var file = request.Subtitles[i];
            if (file.Format is not ("srt" or "webvtt"))
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, $"AddOnSubtitles[{i}]: a {file.Format} file cannot become a WebVTT rendition here (SRT and WebVTT can).");
            }

            var cues = SubtitleReader.Parse(await File.ReadAllTextAsync(file.Path, cancellationToken));
            if (cues.Count == 0)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ContentMalformed, $"AddOnSubtitles[{i}]: the file has no cue ({file.Format} expected).");
            }

            all.Add(cues);
        }

        return all;
    }

    /// <summary>
    /// HLS subtitle renditions: each file cut on the segment grid of the first video sub-stream (the first sub-stream when
    /// all are audio), with the timestamp map read from that sub-stream's first presentation time; its segments and media
    /// playlist are written next to the others and appended to <paramref name="files"/>. Returns the master's renditions.
    /// </summary>
    private async Task<IReadOnlyList<HlsSubtitleRendition>> WriteSubtitlesAsync(
        AdaptiveRequest request, AdaptivePlan plan, IReadOnlyList<IReadOnlyList<SubtitleCue>> cues, List<string> files, CancellationToken cancellationToken)
    {
        if (cues.Count == 0)
        {
            return [];
        }

        var reference = plan.Rungs.FirstOrDefault(r => r.HasVideo) ?? plan.Rungs[0];
        var directory = Path.GetDirectoryName(reference.PlaylistPath)!;
        var playlist = await File.ReadAllTextAsync(reference.PlaylistPath, cancellationToken);
        var durations = WebVttSegmenter.Durations(playlist);
        var mpegTs = WebVttSegmenter.MpegTs(await StartTimeAsync(request.SimpleAes, plan.KeyPath, reference.PlaylistPath, playlist, cancellationToken));
        var taken = files.Select(Path.GetFileName).Append(Path.GetFileName(plan.ManifestPath)).ToHashSet(StringComparer.Ordinal);
        var segmentName = request.SubtitleSegmentFileName ?? ((n, s) => Path.ChangeExtension(request.SegmentFileName(n, s), "vtt"));
        var renditions = new List<HlsSubtitleRendition>();
        for (var i = 0; i < cues.Count; i++)
        {
            var file = request.Subtitles[i];
            var number = (request.Template.StreamInfos.Count + i).ToString(CultureInfo.InvariantCulture);
            var segments = WebVttSegmenter.Segment(cues[i], durations, mpegTs);
            var names = segments.Select((_, k) => TranscodePlanner.PlainFileName(segmentName(number, k.ToString(CultureInfo.InvariantCulture)), "SegmentObjectName")).ToList();
            var playlistName = TranscodePlanner.PlainFileName(request.SubStreamFileName(number), "SubStreamObjectName");
            foreach (var name in names.Prepend(playlistName))
            {
                if (!taken.Add(name))
                {
                    throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"AddOnSubtitles[{i}]: the file name '{name}' is used twice (SubStreamObjectName and SegmentObjectName need their numbers).");
                }
            }

            for (var k = 0; k < segments.Count; k++)
            {
                var path = Path.Combine(directory, names[k]);
                await File.WriteAllTextAsync(path, segments[k].Text, cancellationToken);
                files.Add(path);
            }

            var playlistPath = Path.Combine(directory, playlistName);
            await File.WriteAllTextAsync(playlistPath, WebVttSegmenter.Playlist(segments, names), cancellationToken);
            files.Add(playlistPath);
            renditions.Add(new HlsSubtitleRendition(playlistName, file.Name ?? file.Language ?? $"Subtitle {i + 1}", file.Language, file.Default));
        }

        return renditions;
    }

    /// <summary>
    /// The first presentation time of a written media playlist, by ffprobe. An encrypted playlist is probed through a
    /// hidden copy whose key URI is the local key file (the players' URI may not be reachable from here).
    /// </summary>
    private async Task<double> StartTimeAsync(SimpleAesKey? key, string? keyPath, string playlistPath, string playlist, CancellationToken cancellationToken)
    {
        var probePath = playlistPath;
        if (key is { } aes && keyPath is not null)
        {
            probePath = Path.Combine(Path.GetDirectoryName(playlistPath)!, ".mfprobe.m3u8");
            await File.WriteAllTextAsync(probePath, playlist.Replace($"URI=\"{aes.Uri}\"", $"URI=\"{keyPath}\"", StringComparison.Ordinal), cancellationToken);
        }

        try
        {
            var run = await runner.RunAsync(
                new ProcessRunRequest { Program = options.FfprobePath, Arguments = FirstPresentationTime.Arguments(probePath), Timeout = options.ProbeTimeout },
                cancellationToken);
            if (run.ExitCode != 0)
            {
                throw MediaFailure.Internal($"probing the first presentation time of {Path.GetFileName(playlistPath)} failed", run.CommandLine, run.LogTail);
            }

            return FirstPresentationTime.Parse(run.StandardOutput);
        }
        finally
        {
            if (probePath != playlistPath)
            {
                File.Delete(probePath);
            }
        }
    }

    /// <summary>
    /// MPEG-DASH: each subtitle file becomes one sidecar WebVTT file (the whole file, media times) and a
    /// <c>text/vtt</c> AdaptationSet in the manifest ffmpeg wrote, with one Representation whose <c>BaseURL</c> is the
    /// sidecar (<c>lang</c> from SubtitleLanguage, Role <c>subtitle</c>, or <c>main</c> for the first DefaultTrack). The
    /// sidecar is named by SubStreamObjectName with the id after the audio/video representations and the extension
    /// <c>vtt</c>. Returns the sidecars' paths.
    /// </summary>
    private static async Task<IReadOnlyList<string>> WriteDashSubtitlesAsync(
        AdaptiveRequest request, AdaptivePlan plan, IReadOnlyList<IReadOnlyList<SubtitleCue>> cues, CancellationToken cancellationToken)
    {
        if (cues.Count == 0)
        {
            return [];
        }

        var directory = Path.GetDirectoryName(plan.ManifestPath)!;
        var manifest = XDocument.Parse(await File.ReadAllTextAsync(plan.ManifestPath, cancellationToken));
        var ns = manifest.Root!.Name.Namespace;
        var period = manifest.Root.Element(ns + "Period") ?? throw new InvalidOperationException("the MPD has no Period");
        var nextSet = period.Elements(ns + "AdaptationSet").Select(a => (int?)a.Attribute("id") ?? -1).DefaultIfEmpty(-1).Max() + 1;
        var defaultIndex = request.Subtitles.ToList().FindIndex(s => s.Default);
        var paths = new List<string>();
        for (var i = 0; i < cues.Count; i++)
        {
            var file = request.Subtitles[i];
            var id = (plan.Representations.Count + i).ToString(CultureInfo.InvariantCulture);
            var name = Path.ChangeExtension(TranscodePlanner.PlainFileName(request.SubStreamFileName(id), "SubStreamObjectName"), "vtt");
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"AddOnSubtitles[{i}]: the file name '{name}' is already used.");
            }

            var text = SubtitleWriter.WriteVtt(cues[i]);
            await File.WriteAllTextAsync(path, text, cancellationToken);
            paths.Add(path);
            var set = new XElement(ns + "AdaptationSet",
                new XAttribute("id", nextSet + i),
                new XAttribute("contentType", "text"),
                new XAttribute("mimeType", "text/vtt"));
            if (file.Language is { Length: > 0 } language)
            {
                set.Add(new XAttribute("lang", language));
            }

            set.Add(
                new XElement(ns + "Role", new XAttribute("schemeIdUri", "urn:mpeg:dash:role:2011"), new XAttribute("value", i == defaultIndex ? "main" : "subtitle")),
                new XElement(ns + "Representation",
                    new XAttribute("id", id),
                    new XAttribute("bandwidth", (long)Math.Ceiling(System.Text.Encoding.UTF8.GetByteCount(text) * 8 / Math.Max(plan.Clip.Duration, 0.001))),
                    new XElement(ns + "BaseURL", name)));
            period.Add(set);
        }

        await File.WriteAllTextAsync(plan.ManifestPath, manifest.Declaration + "\n" + manifest.ToString(), cancellationToken);
        return paths;
    }
}
