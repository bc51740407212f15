using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Field rules of the families that are stored but not executed yet (watermark §13.6, adaptive streaming §13.7): values
/// are checked against the spec so a template saved today stays valid when its node arrives.
/// </summary>
public static partial class StoredOnlyTemplateRules
{
    private static readonly HashSet<string> Origins = new(StringComparer.Ordinal) { "TopLeft", "TopRight", "BottomLeft", "BottomRight" };
    private static readonly HashSet<string> RepeatTypes = new(StringComparer.Ordinal) { "once", "repeat_last_frame", "repeat" };
    private static readonly HashSet<string> SegmentTypes = new(StringComparer.Ordinal)
    {
        "ts-segment", "ts-byterange", "mp4-segment", "mp4-byterange", "ts-packed-audio", "mp4-packed-audio", "ts-ts-segment", "ts-ts-byterange",
        "mp4-mp4-segment", "mp4-mp4-byterange", "ts-packed-audio-byterange", "mp4-packed-audio-byterange",
    };

    public const int MaxSubStreams = 10;
    public const int MaxImageBytes = 2 * 1024 * 1024;

    [GeneratedRegex(@"^\d+(\.\d+)?(%|px)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"^\d+(\.\d+)?(px|%|W%|H%|S%|L%)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SvgSize();

    [GeneratedRegex(@"^0x[0-9A-Fa-f]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Color();

    public static void ValidateWatermark(WatermarkTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (!Origins.Contains(template.CoordinateOrigin))
        {
            throw Refuse("CoordinateOrigin", "CoordinateOrigin must be TopLeft, TopRight, BottomLeft or BottomRight.");
        }

        RequirePattern("XPos", template.XPos, Position());
        RequirePattern("YPos", template.YPos, Position());
        switch (template.Type)
        {
            case "image":
                var image = template.ImageTemplate ?? throw new ApiException(ApiErrorCodes.MissingParameter, "ImageTemplate is required for Type image.");
                if (string.IsNullOrEmpty(image.ImageContent) || !IsPngOrJpeg(image.ImageContent))
                {
                    throw Refuse("ImageContent", $"ImageContent must be a base64 PNG or JPEG of at most {MaxImageBytes} bytes.");
                }

                RequirePatternIfSet("Width", image.Width, Position());
                RequirePatternIfSet("Height", image.Height, Position());
                if (image.RepeatType is { } repeat && !RepeatTypes.Contains(repeat))
                {
                    throw Refuse("RepeatType", "RepeatType must be once, repeat_last_frame or repeat.");
                }

                break;
            case "text":
                var text = template.TextTemplate ?? throw new ApiException(ApiErrorCodes.MissingParameter, "TextTemplate is required for Type text.");
                if (text.FontType is not ("simkai.ttf" or "arial.ttf"))
                {
                    throw Refuse("FontType", "FontType must be simkai.ttf or arial.ttf.");
                }

                RequirePattern("FontSize", text.FontSize, SizeInPixels());
                RequirePattern("FontColor", text.FontColor, Color());
                if (text.FontAlpha is not (> 0 and <= 1))
                {
                    throw Refuse("FontAlpha", "FontAlpha must be in (0, 1].");
                }

                if (text.TextContent is { Length: > 100 })
                {
                    throw Refuse("TextContent", "TextContent is at most 100 characters.");
                }

                break;
            case "svg":
                var svg = template.SvgTemplate ?? new SvgWatermarkTemplate();
                RequirePatternIfSet("Width", svg.Width, SvgSize());
                RequirePatternIfSet("Height", svg.Height, SvgSize());
                break;
            case "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "Type is required (image, text or svg).");
            default:
                throw Refuse("Type", $"Type '{template.Type}' must be image, text or svg.");
        }
    }

    public static void ValidateAdaptive(AdaptiveDynamicStreamingTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (template.Format is not ("HLS" or "MPEG-DASH"))
        {
            throw Refuse("Format", "Format must be HLS or MPEG-DASH.");
        }

        if (template.StreamInfos.Count is 0 or > MaxSubStreams)
        {
            throw Refuse("StreamInfos", $"StreamInfos must have 1..{MaxSubStreams} sub-streams.");
        }

        foreach (var (field, value) in new[] { ("DisableHigherVideoBitrate", template.DisableHigherVideoBitrate), ("DisableHigherVideoResolution", template.DisableHigherVideoResolution), ("PureAudio", template.PureAudio) })
        {
            if (value is not (0 or 1))
            {
                throw Refuse(field, $"{field} must be 0 or 1.");
            }
        }

        if (!SegmentTypes.Contains(template.SegmentType)
            || (template.Format == "MPEG-DASH" && template.SegmentType is not ("mp4-byterange" or "mp4-mp4-byterange" or "mp4-segment")))
        {
            throw Refuse("SegmentType", $"SegmentType '{template.SegmentType}' is not valid for {template.Format}.");
        }

        // The packagings the adaptive node executes (docs/adaptive-streaming.md); the byte-range and packed-audio variants are refused by name.
        if (template.Format == "HLS" ? template.SegmentType is not ("ts-segment" or "mp4-segment") : template.SegmentType is not ("mp4-byterange" or "mp4-segment"))
        {
            throw Refuse("SegmentType", $"SegmentType '{template.SegmentType}' is not implemented by this server for {template.Format} (HLS: ts-segment, mp4-segment; MPEG-DASH: mp4-byterange, mp4-segment).");
        }

        // Each sub-stream is a transcode rendition: the transcode rules say what its codecs and sizes may be.
        var container = template.Format == "HLS" ? "hls" : "mp4";
        foreach (var stream in template.StreamInfos)
        {
            if (stream.AudioList is { Count: > 0 })
            {
                throw Refuse("AudioList", "AudioList (multi-audio merge) is not implemented by this server.");
            }

            TranscodeTemplateRules.Validate(new TranscodeTemplate
            {
                Container = container,
                RemoveAudio = stream.RemoveAudio,
                RemoveVideo = stream.RemoveVideo,
                // HlsTime is the segment length of either packaging (DASH -seg_duration), so the mp4 check leaves it out.
                VideoTemplate = stream.RemoveVideo == 1 ? null : container == "mp4" && stream.Video is { } video ? video with { HlsTime = null } : stream.Video,
                AudioTemplate = stream.RemoveAudio == 1 ? null : stream.Audio,
            });
        }
    }

    [GeneratedRegex(@"^\d+px\z", RegexOptions.CultureInvariant)]
    private static partial Regex SizeInPixels();

    private static bool IsPngOrJpeg(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var length) || length is < 4 or > MaxImageBytes)
        {
            return false;
        }

        return (buffer[0] == 0x89 && buffer[1] == (byte)'P' && buffer[2] == (byte)'N' && buffer[3] == (byte)'G')
            || (buffer[0] == 0xFF && buffer[1] == 0xD8 && buffer[2] == 0xFF);
    }

    private static void RequirePattern(string field, string? value, Regex pattern)
    {
        if (value is null || !pattern.IsMatch(value))
        {
            throw Refuse(field, $"{field} '{value}' is not valid.");
        }
    }

    private static void RequirePatternIfSet(string field, string? value, Regex pattern)
    {
        if (value is not null)
        {
            RequirePattern(field, value, pattern);
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
