using System.Text.Json;

namespace Mediaflow.Domain.Templates;

public static partial class TranscodeTemplateRules
{
    /// <summary>Audio codecs this build can produce: native <c>aac</c> (no libfdk), <c>libmp3lame</c>, <c>flac</c>.</summary>
    public static readonly IReadOnlySet<string> ImplementedAudioCodecs = new HashSet<string>(StringComparer.Ordinal) { "aac", "mp3", "flac" };

    private static readonly HashSet<string> KnownAudioCodecs = new(StringComparer.Ordinal)
    {
        "copy", "aac", "mp3", "mp2", "flac", "ac3", "eac3", "pcm16", "pcm24", "opus", "vorbis",
    };

    /// <summary>Which implemented audio codec each implemented container holds.</summary>
    private static readonly Dictionary<string, HashSet<string>> AudioCodecsByContainer = new(StringComparer.Ordinal)
    {
        ["mp4"] = new(StringComparer.Ordinal) { "aac", "mp3" },
        ["hls"] = new(StringComparer.Ordinal) { "aac", "mp3" },
        ["mp3"] = new(StringComparer.Ordinal) { "mp3" },
        ["m4a"] = new(StringComparer.Ordinal) { "aac" },
        ["flac"] = new(StringComparer.Ordinal) { "flac" },
    };

    public const long MinAudioBitrate = 8;

    private static readonly long[] SampleRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000];

    private static void ValidateAudio(string container, AudioTemplateInfo a)
    {
        var codec = a.Codec;
        if (string.IsNullOrEmpty(codec))
        {
            throw Refuse("AudioCodec", "AudioTemplate.Codec is required.");
        }

        if (!ImplementedAudioCodecs.Contains(codec))
        {
            throw Refuse("AudioCodec", KnownAudioCodecs.Contains(codec)
                ? $"Audio codec {codec} is not implemented by this server; implemented: aac, mp3, flac."
                : $"Unknown audio codec {codec}.");
        }

        if (!AudioCodecsByContainer[container].Contains(codec))
        {
            throw Refuse("AudioCodec", $"Container {container} cannot hold {codec} audio; it takes {string.Join(", ", AudioCodecsByContainer[container])}.");
        }

        // The documented range is 26..256, yet the system presets include AAC 24 kbps (1100) and MP3 320 kbps (1020):
        // the range is widened to what the presets need (8 kbps is the lowest either encoder accepts usefully).
        var maxBitrate = codec == "mp3" ? 320 : 256;
        var bitrate = a.Bitrate ?? 0;
        if (codec == "flac" && bitrate != 0)
        {
            // The planner cannot honour it (lossless FLAC has no bitrate target): refuse rather than drop it.
            throw Refuse("AudioBitrate", "FLAC is lossless and has no bitrate target; Bitrate must be 0 for flac.");
        }

        if (bitrate != 0 && (bitrate < MinAudioBitrate || bitrate > maxBitrate))
        {
            throw Refuse("AudioBitrate", $"Audio Bitrate must be 0 (same as source) or {MinAudioBitrate}..{maxBitrate} kbps for {codec}.");
        }

        var sampleRate = a.SampleRate ?? 0;
        if (sampleRate != 0 && (!SampleRates.Contains(sampleRate) || (codec == "mp3" && sampleRate > 48000)))
        {
            throw Refuse("SampleRate", $"SampleRate {sampleRate} Hz is not available for {codec}.");
        }

        switch (a.AudioChannel)
        {
            case null or 0 or 1 or 2:
                break;
            case 6:
                throw Refuse("AudioChannel", "AudioChannel 6 (5.1) is not implemented by this server; implemented: 1, 2.");
            default:
                throw Refuse("AudioChannel", $"Unknown AudioChannel {a.AudioChannel}.");
        }

        if (a.TrackChannelInfo is { } tracks && !IsAbsent(tracks))
        {
            throw Refuse("TrackChannelInfo", "TrackChannelInfo is not implemented by this server.");
        }

        RefuseUnless(string.IsNullOrEmpty(a.AudioLanguage), "AudioLanguage");
        RefuseUnless(string.IsNullOrEmpty(a.AudioName), "AudioName");
        RefuseUnless(a.DefaultTrack is null or true, "DefaultTrack", "The single audio track is always the default track.");
        RefuseUnless(a.StreamSelects is null || a.StreamSelects.Count == 0, "StreamSelects");
    }
}
