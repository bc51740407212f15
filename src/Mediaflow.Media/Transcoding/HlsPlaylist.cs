using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Transcoding;

/// <summary>Renames the segments ffmpeg wrote under temporary names and rewrites the playlist to match.</summary>
public static class HlsPlaylist
{
    /// <summary>
    /// Pure part: the playlist text with every temporary segment URI replaced by its final name, and the
    /// (temporary → final) pairs in playlist order.
    /// </summary>
    public static (string Playlist, IReadOnlyList<(string Temporary, string Final)> Segments) Rewrite(string playlist, HlsLayout layout)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(layout);
        var segments = new List<(string, string)>();
        var finals = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var raw in playlist.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var temporary = Path.GetFileName(line);
                var index = IndexOf(temporary, layout);
                var final = TranscodePlanner.PlainFileName(layout.SegmentFileName(index), "segment file name");
                if (!finals.Add(final) || final == layout.InitFileName)
                {
                    throw new InvalidOperationException($"Segment file name '{final}' is used twice.");
                }

                segments.Add((temporary, final));
                line = final;
            }

            text.Append(line).Append('\n');
        }

        return (text.ToString().TrimEnd('\n') + "\n", segments);
    }

    /// <summary>Renames the segment files in <paramref name="directory"/> and writes the rewritten playlist.</summary>
    public static IReadOnlyList<string> Finalize(string playlistPath, HlsLayout layout)
    {
        ArgumentNullException.ThrowIfNull(playlistPath);
        var directory = Path.GetDirectoryName(playlistPath)!;
        var (text, segments) = Rewrite(File.ReadAllText(playlistPath), layout);
        if (segments.Any(s => Path.Combine(directory, s.Final) == playlistPath))
        {
            throw new InvalidOperationException("A segment file name equals the playlist's.");
        }

        foreach (var (temporary, final) in segments)
        {
            File.Move(Path.Combine(directory, temporary), Path.Combine(directory, final), overwrite: false);
        }

        File.WriteAllText(playlistPath, text);
        return [.. segments.Select(s => Path.Combine(directory, s.Final))];
    }

    private static int IndexOf(string temporary, HlsLayout layout)
    {
        var suffix = "." + layout.SegmentExtension;
        if (temporary.StartsWith(layout.TemporaryPrefix, StringComparison.Ordinal) && temporary.EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(temporary.AsSpan(layout.TemporaryPrefix.Length, temporary.Length - layout.TemporaryPrefix.Length - suffix.Length),
                NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        throw new InvalidOperationException($"Unexpected segment '{temporary}' in the playlist ffmpeg wrote.");
    }
}
