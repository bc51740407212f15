using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Which source audio streams an output carries and how its tracks are labelled (AudioTemplateInfo StreamSelects,
/// AudioLanguage, AudioName, DefaultTrack, AudioChannel 6; docs/coverage/transcode.md). A label the container's muxer
/// would drop is refused naming the field rather than accepted and lost.
/// </summary>
public static partial class TranscodeTemplateRules
{
    /// <summary>AudioLanguage value that copies each source track's own language tag.</summary>
    public const string SourceLanguage = "source";

    public const int MaxAudioNameLength = 64;
    public const int MaxStreamSelects = 10;

    /// <summary>Highest source audio stream index StreamSelects may name.</summary>
    public const long MaxStreamSelectIndex = 63;

    /// <summary>Containers whose muxer writes a track language (mp4/mov <c>mdhd</c>, Matroska, MPEG-TS ISO 639 descriptor, Ogg comment).</summary>
    public static readonly IReadOnlySet<string> LanguageContainers = new HashSet<string>(StringComparer.Ordinal)
    {
        "mp4", "mov", "m4a", "mkv", "webm", "ts", "hls", "ogg",
    };

    /// <summary>Containers whose muxer writes a track name (mp4/mov <c>hdlr</c> handler name, Matroska title, Ogg comment).</summary>
    public static readonly IReadOnlySet<string> TrackNameContainers = new HashSet<string>(StringComparer.Ordinal)
    {
        "mp4", "mov", "m4a", "mkv", "webm", "ogg",
    };

    /// <summary>
    /// Containers with a per-track default flag that can be cleared (Matroska FlagDefault). ffmpeg's mp4/mov muxer
    /// always enables the first audio track; MPEG-TS, FLV and the audio-only files have no default flag.
    /// </summary>
    public static readonly IReadOnlySet<string> DefaultFlagContainers = new HashSet<string>(StringComparer.Ordinal) { "mkv", "webm" };

    /// <summary>Codecs that carry 5.1 (AudioChannel 6); mp3 and mp2 stop at two channels.</summary>
    public static readonly IReadOnlySet<string> SurroundAudioCodecs = new HashSet<string>(StringComparer.Ordinal)
    {
        "aac", "ac3", "eac3", "opus", "vorbis", "flac", "pcm16", "pcm24",
    };

    /// <summary>The source audio stream indexes (among its audio streams) an output carries: StreamSelects, else the first.</summary>
    public static IReadOnlyList<int> SelectedAudioStreams(AudioTemplateInfo audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.StreamSelects is { Count: > 0 } selects ? [.. selects.Select(i => (int)i)] : [0];
    }

    private static void ValidateAudioTracks(TranscodeTemplate template, AudioTemplateInfo a)
    {
        var container = template.Container;
        if (a.AudioChannel == 6 && !SurroundAudioCodecs.Contains(a.Codec!))
        {
            throw Refuse("AudioChannel", $"AudioChannel 6 (5.1) is not available for {a.Codec}; it carries 1 or 2 channels ({string.Join(", ", SurroundAudioCodecs)} carry 5.1).");
        }

        if (a.AudioChannel == 6 && container == "flv")
        {
            throw Refuse("AudioChannel", "Container flv signals mono or stereo only; AudioChannel 6 (5.1) needs another container.");
        }

        if (!string.IsNullOrEmpty(a.AudioLanguage))
        {
            if (a.AudioLanguage != SourceLanguage && !Iso639Part2.IsCode(a.AudioLanguage))
            {
                throw Refuse("AudioLanguage", $"AudioLanguage '{a.AudioLanguage}' is not an ISO 639-2 code (three lowercase letters such as eng, fra, zho) or {SourceLanguage}.");
            }

            if (!LanguageContainers.Contains(container))
            {
                throw Refuse("AudioLanguage", $"Container {container} keeps no track language; AudioLanguage applies to {string.Join(", ", LanguageContainers)}.");
            }
        }

        if (!string.IsNullOrEmpty(a.AudioName))
        {
            if (a.AudioName.Length > MaxAudioNameLength || a.AudioName.Any(char.IsControl))
            {
                throw Refuse("AudioName", $"AudioName is at most {MaxAudioNameLength} characters without control characters.");
            }

            if (!TrackNameContainers.Contains(container))
            {
                throw Refuse("AudioName", $"Container {container} keeps no track name; AudioName applies to {string.Join(", ", TrackNameContainers)}.");
            }
        }

        if (a.DefaultTrack == false && !DefaultFlagContainers.Contains(container))
        {
            throw Refuse("DefaultTrack", $"Container {container} cannot mark its audio track as not default; DefaultTrack false applies to {string.Join(", ", DefaultFlagContainers)}.");
        }

        ValidateStreamSelects(template, a);
    }

    private static void ValidateStreamSelects(TranscodeTemplate template, AudioTemplateInfo a)
    {
        if (a.StreamSelects is not { Count: > 0 } selects)
        {
            return;
        }

        if (selects.Count > MaxStreamSelects || selects.Any(i => i is < 0 or > MaxStreamSelectIndex) || selects.Distinct().Count() != selects.Count)
        {
            throw Refuse("StreamSelects", $"StreamSelects lists 1..{MaxStreamSelects} distinct source audio stream indexes, each 0..{MaxStreamSelectIndex} (0 = the source's first audio stream).");
        }

        if (selects.Count > 1 && !TranscodeAddOns.AudioContainers.Contains(template.Container))
        {
            throw Refuse("StreamSelects", $"Container {template.Container} holds one audio track; several StreamSelects need one of {string.Join(", ", TranscodeAddOns.AudioContainers)}.");
        }

        if (selects is not [0] && template.EnhanceConfig?.AudioEnhance is not null && Enhancements(template).Audio)
        {
            throw Refuse("StreamSelects", "AudioEnhance runs on the source's first audio stream; StreamSelects other than [0] cannot be combined with it.");
        }
    }
}
