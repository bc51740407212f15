namespace Mediaflow.Media.Transcoding;

/// <summary>
/// One AddOnSubtitles track: the local copy of its subtitle file, its demuxer (<c>srt</c>, <c>webvtt</c>, <c>ass</c>;
/// <see cref="ReadAsync"/> tells it from the file) and the track's tags.
/// </summary>
public sealed record AddOnSubtitleFile(string Path, string Format, string? Name, string? Language, bool Default)
{
    public static async Task<AddOnSubtitleFile> ReadAsync(string path, string? name, string? language, bool isDefault, CancellationToken cancellationToken)
    {
        var head = new byte[SubtitleFiles.SniffBytes];
        int read;
        await using (var stream = File.OpenRead(path))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        return new AddOnSubtitleFile(path, SubtitleFiles.Format(head.AsSpan(0, read)), name, language, isDefault);
    }
}
