using System.Globalization;
using System.Xml.Linq;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

/// <summary>
/// Runs one adaptive-streaming node: validate the template, plan one ffmpeg process for every sub-stream, run it with
/// progress and the watchdog, rename the segments to their §8 names, then measure each variant from its segments and
/// write the master playlist with those rates. Failures are <see cref="MediaFailure"/>.
/// </summary>
public sealed partial class AdaptiveExecutor(MediaProcessRunner runner, MediaOptions options)
{
    public async Task<AdaptiveResult> StreamAsync(AdaptiveRequest request, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            StoredOnlyTemplateRules.ValidateAdaptive(request.Template);
        }
        catch (ApiException e)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{e.Code}: {e.Message}");
        }

        var plan = AdaptivePlanner.Plan(request, options);
        var cues = await ReadSubtitlesAsync(request, cancellationToken);
        if (request.SimpleAes is { } aes && plan.KeyPath is { } keyPath && plan.KeyInfoPath is { } keyInfoPath)
        {
            await File.WriteAllBytesAsync(keyPath, Convert.FromHexString(aes.KeyHex), cancellationToken);
            await File.WriteAllTextAsync(keyInfoPath, AdaptivePlanner.KeyInfo(aes, keyPath), cancellationToken);
        }

        var expected = TimeSpan.FromSeconds(plan.Clip.Duration);
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(plan.Job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Report(Math.Min(99, block.PercentOf(expected))),
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        try
        {
            if (plan.Representations.Count > 0)
            {
                var sidecars = await WriteDashSubtitlesAsync(request, plan, cues, cancellationToken);
                var dash = FinishDash(plan, run);
                return dash with { Files = [.. dash.Files, .. sidecars.Select(p => new ProducedFile(p, Path.GetFileName(p), "text/vtt", new FileInfo(p).Length, IsMain: false))] };
            }

            var files = new List<string>();
            var variants = new List<(int, HlsVariant)>();
            foreach (var rung in plan.Rungs)
            {
                var directory = Path.GetDirectoryName(rung.PlaylistPath)!;
                files.Add(rung.PlaylistPath);
                if (rung.Layout.InitFileName is { } init)
                {
                    files.Add(Path.Combine(directory, init));
                }

                files.AddRange(HlsPlaylist.Finalize(rung.PlaylistPath, rung.Layout));
                var (peak, average, duration) = HlsMasterPlaylist.Measure(
                    await File.ReadAllTextAsync(rung.PlaylistPath, cancellationToken), uri => new FileInfo(Path.Combine(directory, Path.GetFileName(uri))).Length);
                variants.Add((rung.Number, new HlsVariant(Path.GetFileName(rung.PlaylistPath), peak, average,
                    rung.HasVideo ? rung.Geometry?.Width ?? 0 : 0, rung.HasVideo ? rung.Geometry?.Height ?? 0 : 0, duration)));
            }

            var renditions = await WriteSubtitlesAsync(request, plan, cues, files, cancellationToken);
            var fmp4 = request.Template.SegmentType == "mp4-segment";
            await File.WriteAllTextAsync(plan.ManifestPath, HlsMasterPlaylist.Render([.. variants.Select(v => v.Item2)], fmp4, renditions), cancellationToken);
            progress?.Report(100);
            return new AdaptiveResult
            {
                Files = [.. new[] { plan.ManifestPath }.Concat(files).Select((p, i) =>
                {
                    var name = Path.GetFileName(p);
                    return new ProducedFile(p, name, ContentTypes.ForFileName(name), new FileInfo(p).Length, IsMain: i == 0);
                })],
                Variants = variants,
                CommandLine = run.CommandLine,
                LogTail = run.LogTail,
            };
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or ArgumentException or System.Xml.XmlException)
        {
            throw MediaFailure.Internal($"finishing the {request.Template.Format} output failed: {e.Message}", run.CommandLine, run.LogTail, e);
        }
    }

    /// <summary>
    /// DASH: ffmpeg wrote the manifest and every representation's files; each representation is measured from its
    /// segments as an HLS variant is (peak segment rate, average over the clip) and the MPD's <c>bandwidth</c> (ffmpeg's
    /// configured rate) is rewritten with the measured peak, the value the HLS master's BANDWIDTH carries.
    /// </summary>
    private static AdaptiveResult FinishDash(AdaptivePlan plan, ProcessRunResult run)
    {
        var directory = Path.GetDirectoryName(plan.ManifestPath)!;
        var produced = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith('.') && n != Path.GetFileName(plan.ManifestPath))
            .Order(StringComparer.Ordinal)
            .ToList();
        var mpd = XDocument.Load(plan.ManifestPath, LoadOptions.PreserveWhitespace);
        var measured = DashManifest.Measure(mpd, name => new FileInfo(Path.Combine(directory, Path.GetFileName(name))).Length);
        DashManifest.SetBandwidths(mpd, measured.ToDictionary(m => m.Key, m => m.Value.Peak, StringComparer.Ordinal));
        File.WriteAllText(plan.ManifestPath, DashManifest.Render(mpd));
        var variants = new List<(int, HlsVariant)>();
        var files = new List<string> { plan.ManifestPath };
        foreach (var representation in plan.Representations)
        {
            var mine = produced.Where(n => DashFileNames.Belongs(n, representation)).ToList();
            if (mine.Count == 0)
            {
                throw new InvalidOperationException($"representation {representation.Id} wrote no file");
            }

            files.AddRange(mine.Select(n => Path.Combine(directory, n)));
            var id = representation.Id.ToString(CultureInfo.InvariantCulture);
            var rates = measured.GetValueOrDefault(id) ?? throw new InvalidOperationException($"representation {id} is not in the manifest");
            var uri = representation.InitName.Replace("$RepresentationID$", id, StringComparison.Ordinal);
            variants.AddRange(representation.SubStreams.Select(number => (number, new HlsVariant(uri, rates.Peak, rates.Average,
                representation.Geometry?.Width ?? 0, representation.Geometry?.Height ?? 0, plan.Clip.Duration))));
        }

        return new AdaptiveResult
        {
            Files = [.. files.Select((p, i) =>
            {
                var name = Path.GetFileName(p);
                return new ProducedFile(p, name, ContentTypes.ForFileName(name), new FileInfo(p).Length, IsMain: i == 0);
            })],
            Variants = variants,
            CommandLine = run.CommandLine,
            LogTail = run.LogTail,
        };
    }
}
