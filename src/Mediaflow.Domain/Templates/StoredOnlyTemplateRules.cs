using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Field rules of the families that are stored but not executed yet (adaptive streaming §13.7): values are checked
/// against the spec so a template saved today stays valid when its node arrives. Watermarks: <see cref="WatermarkTemplateRules"/>.
/// </summary>
public static class StoredOnlyTemplateRules
{
    private static readonly HashSet<string> SegmentTypes = new(StringComparer.Ordinal)
    {
        "ts-segment", "ts-byterange", "mp4-segment", "mp4-byterange", "ts-packed-audio", "mp4-packed-audio", "ts-ts-segment", "ts-ts-byterange",
        "mp4-mp4-segment", "mp4-mp4-byterange", "ts-packed-audio-byterange", "mp4-packed-audio-byterange",
    };

    public const int MaxSubStreams = 10;

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

            if (stream.Audio?.StreamSelects is { Count: > 0 })
            {
                throw Refuse("StreamSelects", "StreamSelects is not implemented for adaptive sub-streams: each carries the source's first audio stream.");
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

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
