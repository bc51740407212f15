using Mediaflow.Domain.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Storage;

namespace Mediaflow.Engine.Nodes;

/// <summary>The object a task read its source from: bucket, region and key in the account's store.</summary>
public sealed record SourceObject(string Bucket, string Region, string Key);

/// <summary>
/// Stages an HLS playlist task source for the inspection node (docs/quality-control-format.md "HLS segments"): the
/// objects it references by relative URI — a master's media playlists and, when asked, every segment and init section —
/// are resolved against the playlist's key in the same bucket and copied into one directory under generated names
/// (keys stay opaque: no key path reaches the disk), with the playlists rewritten to those names. Absolute URLs,
/// absolute paths and <c>..</c> above the bucket root are refused; a missing object fails naming it; the total count and
/// size are capped by <see cref="EngineOptions.HlsStageMaxObjects"/> and <see cref="EngineOptions.HlsStageMaxBytes"/>.
/// An fMP4 segment is staged as its init section followed by its bytes, so it can be probed alone.
/// </summary>
public sealed class HlsPlaylistStaging(IObjectStore store, EngineOptions options)
{
    /// <summary>Stages into <paramref name="directory"/> and returns the staged root playlist (<c>input.m3u8</c>).</summary>
    public async Task<string> StageAsync(long appId, SourceObject source, string playlistPath, bool segments, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(directory);
        var state = new Budget(options);
        var root = await File.ReadAllTextAsync(playlistPath, cancellationToken);
        string rewritten;
        if (HlsPlaylistText.IsMaster(root))
        {
            var staged = new Dictionary<string, string>(StringComparer.Ordinal);
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var reference in HlsPlaylistText.References(root).Where(r => r.Kind == HlsReferenceKind.MediaPlaylist))
            {
                if (renames.ContainsKey(reference.Uri))
                {
                    continue;
                }

                var key = Resolve(source, source.Key, reference.Uri);
                if (!staged.TryGetValue(key, out var name))
                {
                    var (info, path) = await FetchAsync(appId, source, key, source.Key, state, cancellationToken);
                    var text = await File.ReadAllTextAsync(path, cancellationToken);
                    name = $"p{staged.Count}.m3u8";
                    state.Count(info.Size);
                    await File.WriteAllTextAsync(Path.Combine(directory, name),
                        segments ? await StageMediaAsync(appId, source, key, text, directory, state, cancellationToken) : text, cancellationToken);
                    staged[key] = name;
                }

                renames[reference.Uri] = name;
            }

            rewritten = HlsPlaylistText.Rewrite(root, (_, uri) => renames.TryGetValue(uri, out var n) ? n : uri);
        }
        else
        {
            rewritten = segments ? await StageMediaAsync(appId, source, source.Key, root, directory, state, cancellationToken) : root;
        }

        var staging = Path.Combine(directory, "input.m3u8");
        await File.WriteAllTextAsync(staging, rewritten, cancellationToken);
        return staging;
    }

    /// <summary>Stages a media playlist's init sections and segments; returns its text naming the staged files.</summary>
    private async Task<string> StageMediaAsync(long appId, SourceObject source, string playlistKey, string text, string directory, Budget state, CancellationToken cancellationToken)
    {
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("#EXT-X-BYTERANGE", StringComparison.Ordinal) || line.StartsWith("#EXT-X-KEY:", StringComparison.Ordinal) && !line.Contains("METHOD=NONE", StringComparison.Ordinal))
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported,
                    $"the HLS playlist '{playlistKey}' uses {line.Split(':')[0]} (byte-range or encrypted segments), which the segment checks do not read");
            }
        }

        var inits = new Dictionary<string, string>(StringComparer.Ordinal); // init URI → staged path
        foreach (var init in HlsPlaylistText.References(text).Where(r => r.Kind == HlsReferenceKind.InitSection).Select(r => r.Uri).Distinct(StringComparer.Ordinal))
        {
            var (info, path) = await FetchAsync(appId, source, Resolve(source, playlistKey, init), playlistKey, state, cancellationToken);
            state.Count(info.Size);
            var name = Path.Combine(directory, $"i{state.Objects}.mp4");
            File.Copy(path, name);
            inits[init] = name;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in HlsPlaylistText.Segments(text))
        {
            if (names.ContainsKey(segment.Uri))
            {
                continue;
            }

            var (info, path) = await FetchAsync(appId, source, Resolve(source, playlistKey, segment.Uri), playlistKey, state, cancellationToken);
            state.Count(info.Size);
            var name = $"s{state.Objects}.seg";
            await using (var output = File.Create(Path.Combine(directory, name)))
            {
                if (segment.InitSection is { } init && inits.TryGetValue(init, out var initPath))
                {
                    await using var head = File.OpenRead(initPath);
                    await head.CopyToAsync(output, cancellationToken);
                }

                await using var body = File.OpenRead(path);
                await body.CopyToAsync(output, cancellationToken);
            }

            names[segment.Uri] = name;
        }

        return HlsPlaylistText.Rewrite(text, (kind, uri) => kind switch
        {
            HlsReferenceKind.Segment when names.TryGetValue(uri, out var n) => n,
            HlsReferenceKind.InitSection when inits.TryGetValue(uri, out var p) => Path.GetFileName(p),
            _ => uri,
        });
    }

    private static string Resolve(SourceObject source, string playlistKey, string uri) =>
        HlsPlaylistText.ResolveKey(playlistKey, uri, out var problem)
        ?? throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported,
            $"the HLS playlist '{playlistKey}' in bucket '{source.Bucket}' references '{uri}', {problem}");

    private async Task<(StoredObjectInfo Info, string Path)> FetchAsync(
        long appId, SourceObject source, string key, string playlistKey, Budget state, CancellationToken cancellationToken)
    {
        var info = await store.HeadAsync(appId, source.Bucket, key, cancellationToken);
        if (info is null || (!string.IsNullOrEmpty(source.Region) && info.Region != source.Region))
        {
            throw MediaFailure.Permanent(TaskErrorCodes.DownloadNotAccessible,
                $"the object '{key}' named by the HLS playlist '{playlistKey}' does not exist in bucket '{source.Bucket}'");
        }

        state.Check(info.Size);
        return (info, await store.GetBlobPathAsync(info.BlobId, cancellationToken)
            ?? throw MediaFailure.Permanent(TaskErrorCodes.DownloadNotAccessible, $"the data of object '{key}' named by the HLS playlist '{playlistKey}' is no longer available"));
    }

    /// <summary>The staging caps: objects and bytes fetched so far.</summary>
    private sealed class Budget(EngineOptions options)
    {
        public int Objects { get; private set; }
        private long bytes;

        public void Check(long size)
        {
            if (Objects + 1 > options.HlsStageMaxObjects || bytes + size > options.HlsStageMaxBytes)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                    $"the HLS playlist references more than this server stages for inspection (Engine:HlsStageMaxObjects {options.HlsStageMaxObjects} objects, Engine:HlsStageMaxBytes {options.HlsStageMaxBytes} bytes)");
            }
        }

        public void Count(long size)
        {
            Objects++;
            bytes += size;
        }
    }
}
