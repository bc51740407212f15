using System.Globalization;
using System.Text.Json;

namespace Mediaflow.Media.Probing;

/// <summary>
/// Pure: the JSON of <c>ffprobe -print_format json -show_format -show_streams</c> → <see cref="ProbeResult"/>.
/// Tested on captured real output (tests/…/TestData/Probing). A file with neither a video nor an audio stream is
/// <see cref="MediaErrorCodes.ContentMalformed"/>.
/// </summary>
public static class ProbeNormalizer
{
    public static ProbeResult Normalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MediaFailure(MediaErrorCodes.ContentMalformed, $"ffprobe output is not JSON: {e.Message}", retryable: false, innerException: e);
        }

        using (document)
        {
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            var videos = new List<ProbedVideoTrack>();
            var audios = new List<ProbedAudioTrack>();
            if (root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array)
            {
                foreach (var stream in streams.EnumerateArray())
                {
                    switch (Text(stream, "codec_type"))
                    {
                        case "video" when !IsAttachedPicture(stream):
                            videos.Add(Video(stream));
                            break;
                        case "audio":
                            audios.Add(Audio(stream));
                            break;
                    }
                }
            }

            if (videos.Count == 0 && audios.Count == 0)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ContentMalformed, "The file has no audio or video stream.");
            }

            var size = Long(format, "size");
            var duration = Double(format, "duration");
            if (duration <= 0)
            {
                duration = videos.Select(v => v.Duration).Concat(audios.Select(a => a.Duration)).DefaultIfEmpty(0).Max();
            }

            var bitrate = Long(format, "bit_rate");
            if (bitrate <= 0 && duration > 0)
            {
                bitrate = (long)Math.Round(size * 8 / duration);
            }

            return new ProbeResult
            {
                Container = Text(format, "format_name"),
                Size = size,
                Duration = duration,
                Bitrate = bitrate,
                VideoStreams = videos,
                AudioStreams = audios,
            };
        }
    }

    private static ProbedVideoTrack Video(JsonElement s)
    {
        var (numerator, denominator) = Rational(Text(s, "avg_frame_rate"));
        if (numerator <= 0)
        {
            (numerator, denominator) = Rational(Text(s, "r_frame_rate"));
        }

        return new ProbedVideoTrack
        {
            Index = (int)Long(s, "index"),
            Codec = Text(s, "codec_name"),
            Profile = Text(s, "profile"),
            Level = Long(s, "level"),
            CodedWidth = Long(s, "width"),
            CodedHeight = Long(s, "height"),
            Rotation = Rotation(s),
            FpsNumerator = numerator,
            FpsDenominator = numerator > 0 ? denominator : 1,
            Bitrate = Long(s, "bit_rate"),
            Duration = Double(s, "duration"),
            PixelFormat = Text(s, "pix_fmt"),
            ColorPrimaries = Text(s, "color_primaries"),
            ColorSpace = Text(s, "color_space"),
            ColorTransfer = Text(s, "color_transfer"),
            ColorRange = Text(s, "color_range"),
        };
    }

    private static ProbedAudioTrack Audio(JsonElement s) => new()
    {
        Index = (int)Long(s, "index"),
        Codec = Text(s, "codec_name"),
        Profile = Text(s, "profile"),
        SampleRate = Long(s, "sample_rate"),
        Channels = Long(s, "channels"),
        Bitrate = Long(s, "bit_rate"),
        Duration = Double(s, "duration"),
        Language = s.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object && Text(tags, "language") is { Length: > 0 } language && language != "und" ? language : null,
    };

    /// <summary>
    /// ffprobe 5.1 reports the display matrix's counter-clockwise angle (<c>side_data_list[].rotation</c>); older files
    /// and builds carry a clockwise <c>tags.rotate</c>. Result: the clockwise rotation ffmpeg's autorotate applies.
    /// </summary>
    private static int Rotation(JsonElement s)
    {
        double? counterClockwise = null;
        if (s.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    counterClockwise = r.GetDouble();
                }
            }
        }

        double clockwise;
        if (counterClockwise is { } ccw)
        {
            clockwise = -ccw;
        }
        else if (s.TryGetProperty("tags", out var tags) && double.TryParse(Text(tags, "rotate"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tag))
        {
            clockwise = tag;
        }
        else
        {
            return 0;
        }

        var quarter = (int)Math.Round(clockwise / 90, MidpointRounding.AwayFromZero);
        return ((quarter % 4) + 4) % 4 * 90;
    }

    private static bool IsAttachedPicture(JsonElement s) =>
        s.TryGetProperty("disposition", out var d) && d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    private static (long Numerator, long Denominator) Rational(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            && n > 0 && d > 0)
        {
            return (n, d);
        }

        return (0, 1);
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() ?? "",
                JsonValueKind.Number => v.GetRawText(),
                _ => "",
            }
            : "";

    private static long Long(JsonElement element, string name)
    {
        var text = Text(element, name);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)Math.Round(d) : 0;
    }

    private static double Double(JsonElement element, string name) =>
        double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
