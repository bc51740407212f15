using System.Globalization;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;

namespace Mediaflow.Media.Probing;

/// <summary>
/// Runs <c>ffprobe -v error -print_format json -show_format -show_streams</c> behind the same protocol whitelist as
/// ffmpeg, and normalizes its JSON. A source that ffprobe cannot read is a permanent
/// <see cref="MediaErrorCodes.ContentMalformed"/> failure (a demuxer outside <see cref="MediaOptions.SourceFormats"/>
/// is <see cref="MediaErrorCodes.ContentUnsupported"/>). Source probes of an unchanged file are answered from a
/// <see cref="ProbeCache"/>.
/// </summary>
public sealed class MediaProber(MediaProcessRunner runner, MediaOptions options)
{
    private readonly ProbeCache sources = new(options.ProbeCacheEntries);

    /// <summary>Probes an uploaded source (format whitelist applies); an unchanged file already probed is not probed again.</summary>
    public Task<ProbeResult> ProbeAsync(string path, CancellationToken cancellationToken) =>
        ProbeCoreAsync(path, options.SourceFormats, sources, cancellationToken);

    /// <summary>Probes a file this layer wrote (an HLS playlist may open its segments); never cached.</summary>
    public Task<ProbeResult> ProbeOutputAsync(string path, CancellationToken cancellationToken) =>
        ProbeCoreAsync(path, [], null, cancellationToken);

    /// <summary>The ffprobe arguments for <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Arguments(string path, IReadOnlyList<string> formatWhitelist)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(formatWhitelist);
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute local path.", nameof(path));
        }

        var args = new List<string> { "-hide_banner", "-v", "error", "-protocol_whitelist", FfmpegArgumentRenderer.ProtocolWhitelist };
        if (formatWhitelist.Count > 0)
        {
            args.Add("-format_whitelist");
            args.Add(string.Join(',', formatWhitelist));
        }

        if (options.MaxPixels > 0)
        {
            args.Add("-max_pixels");
            args.Add(options.MaxPixels.ToString(CultureInfo.InvariantCulture));
        }

        args.AddRange(["-print_format", "json", "-show_format", "-show_streams", "-i", path]);
        return args;
    }

    private async Task<ProbeResult> ProbeCoreAsync(string path, IReadOnlyList<string> formatWhitelist, ProbeCache? cache, CancellationToken cancellationToken)
    {
        var arguments = Arguments(path, formatWhitelist);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw MediaFailure.Internal($"the file to probe does not exist: {path}");
        }

        var identity = default(ProbeCache.Identity);
        if (cache is not null && cache.TryGet(file, out var known, out identity))
        {
            return known;
        }

        if (file.Length == 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ContentMalformed, "The source file is empty (0 bytes).");
        }

        var result = await runner.RunAsync(
            new ProcessRunRequest { Program = options.FfprobePath, Arguments = arguments, Timeout = options.ProbeTimeout },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            var reason = result.LogTail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"ffprobe exited with code {result.ExitCode}";
            var code = result.LogTail.Any(l => l.Contains("not on whitelist", StringComparison.Ordinal))
                ? MediaErrorCodes.ContentUnsupported
                : MediaErrorCodes.ContentMalformed;
            throw MediaFailure.Permanent(code, $"The source cannot be read as media: {reason}", result.CommandLine, result.LogTail);
        }

        if (result.StandardOutputTruncated)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, "ffprobe described more streams than we accept.", result.CommandLine, result.LogTail);
        }

        try
        {
            var probe = ProbeNormalizer.Normalize(result.StandardOutput);
            cache?.Add(identity, probe);
            return probe;
        }
        catch (MediaFailure e)
        {
            throw new MediaFailure(e.ErrCodeExt, e.Message, e.Retryable, result.CommandLine, result.LogTail, e);
        }
    }
}
