using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Snapshots;

/// <summary>
/// The WebVTT index of a sprite (reference/mps-api.md §13.4): one cue per thumbnail from its frame's time to the next
/// thumbnail's (the last one to the end of the video), whose text is <c>sheet#xywh=x,y,w,h</c>. Pure.
/// </summary>
public static class WebVtt
{
    public static string Render(IReadOnlyList<SpriteThumbnail> thumbnails, IReadOnlyList<string> sheetReferences, double duration)
    {
        ArgumentNullException.ThrowIfNull(thumbnails);
        ArgumentNullException.ThrowIfNull(sheetReferences);
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < thumbnails.Count; i++)
        {
            var thumb = thumbnails[i];
            var end = i + 1 < thumbnails.Count ? thumbnails[i + 1].Time : Math.Max(duration, thumb.Time);
            text.Append('\n')
                .Append(Timestamp(thumb.Time)).Append(" --> ").Append(Timestamp(end)).Append('\n')
                .Append(sheetReferences[thumb.Sheet])
                .Append(CultureInfo.InvariantCulture, $"#xywh={thumb.X},{thumb.Y},{thumb.Width},{thumb.Height}\n");
        }

        return text.ToString();
    }

    /// <summary><c>hh:mm:ss.mmm</c>.</summary>
    public static string Timestamp(double seconds)
    {
        var time = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
    }
}
