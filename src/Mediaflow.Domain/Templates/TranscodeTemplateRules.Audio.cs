using System.Text.Json;

namespace Mediaflow.Domain.Templates;

public static partial class TranscodeTemplateRules
{
    /// <summary>
    /// Audio codecs this build can produce: native <c>aac</c> (no libfdk), <c>libmp3lame</c>, <c>flac</c>, <c>mp2</c>,
    /// <c>libopus</c>, <c>libvorbis</c>, <c>ac3</c>, <c>eac3</c>, <c>pcm_s16le</c>, <c>pcm_s24le</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> ImplementedAudioCodecs = new HashSet<string>(StringComparer.Ordinal)
    {
        "aac", "mp3", "mp2", "flac", "ac3", "eac3", "pcm16", "pcm24", "opus", "vorbis",
    };

    private static readonly HashSet<string> KnownAudioCodecs = new(StringComparer.Ordinal)
    {
        "copy", "aac", "mp3", "mp2", "flac", "ac3", "eac3", "pcm16", "pcm24", "opus", "vorbis",
    };

    /// <summary>Which implemented audio codec each implemented container holds.</summary>
    private static readonly Dictionary<string, HashSet<string>> AudioCodecsByContainer = new(StringComparer.Ordinal)
    {
        ["mp4"] = new(StringComparer.Ordinal) { "aac", "mp3", "ac3", "eac3", "opus" },
        ["hls"] = new(StringComparer.Ordinal) { "aac", "mp3" },
        // ffmpeg's flv muxer takes mp3 only at 44.1/22.05/11.025 kHz: aac keeps every sample rate open.
        ["flv"] = new(StringComparer.Ordinal) { "aac" },
        ["ts"] = new(StringComparer.Ordinal) { "aac", "mp3", "mp2", "ac3", "eac3" },
        ["webm"] = new(StringComparer.Ordinal) { "opus", "vorbis" },
        ["mkv"] = new(StringComparer.Ordinal) { "aac", "mp3", "mp2", "flac", "ac3", "eac3", "pcm16", "pcm24", "opus", "vorbis" },
        ["mov"] = new(StringComparer.Ordinal) { "aac", "mp3", "ac3", "pcm16", "pcm24" },
        ["mxf"] = new(StringComparer.Ordinal) { "pcm16", "pcm24" },
        ["mp3"] = new(StringComparer.Ordinal) { "mp3" },
        ["m4a"] = new(StringComparer.Ordinal) { "aac" },
        ["flac"] = new(StringComparer.Ordinal) { "flac" },
        ["ogg"] = new(StringComparer.Ordinal) { "opus", "vorbis", "flac" },
        ["wav"] = new(StringComparer.Ordinal) { "pcm16", "pcm24" },
    };

    /// <summary>Highest Bitrate (kbps) per lossy codec; lossless codecs (flac, pcm) take none.</summary>
    private static readonly Dictionary<string, long> MaxAudioBitrates = new(StringComparer.Ordinal)
    {
        ["aac"] = 256, ["mp3"] = 320, ["mp2"] = 384, ["opus"] = 256, ["vorbis"] = 320, ["ac3"] = 640, ["eac3"] = 640,
    };

    /// <summary>Sample rates an encoder accepts, where it does not take all of <see cref="SampleRates"/>.</summary>
    private static readonly Dictionary<string, long[]> SampleRatesByCodec = new(StringComparer.Ordinal)
    {
        ["mp3"] = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000],
        ["mp2"] = [16000, 22050, 24000, 32000, 44100, 48000],
        ["opus"] = [8000, 12000, 16000, 24000, 48000],
        ["ac3"] = [32000, 44100, 48000],
        ["eac3"] = [32000, 44100, 48000],
    };

    /// <summary>The MXF muxer writes 48 kHz audio only.</summary>
    public const long MxfSampleRate = 48000;

    /// <summary>Lossless audio codecs: no bitrate target.</summary>
    public static bool IsLosslessAudio(string codec) => codec is "flac" or "pcm16" or "pcm24";

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
                ? $"Audio codec {codec} is not implemented by this server; implemented: {string.Join(", ", ImplementedAudioCodecs)}."
                : $"Unknown audio codec {codec}.");
        }

        if (!AudioCodecsByContainer[container].Contains(codec))
        {
            throw Refuse("AudioCodec", $"Container {container} cannot hold {codec} audio; it takes {string.Join(", ", AudioCodecsByContainer[container])}.");
        }

        // The documented range is 26..256, yet the system presets include AAC 24 kbps (1100) and MP3 320 kbps (1020):
        // the range is widened to what the presets need (8 kbps is the lowest either encoder accepts usefully).
        var bitrate = a.Bitrate ?? 0;
        if (IsLosslessAudio(codec))
        {
            if (bitrate != 0)
            {
                // The planner cannot honour it (lossless audio has no bitrate target): refuse rather than drop it.
                throw Refuse("AudioBitrate", $"{codec} is lossless and has no bitrate target; Bitrate must be 0 for {codec}.");
            }
        }
        else if (bitrate != 0 && (bitrate < MinAudioBitrate || bitrate > MaxAudioBitrates[codec]))
        {
            throw Refuse("AudioBitrate", $"Audio Bitrate must be 0 (same as source) or {MinAudioBitrate}..{MaxAudioBitrates[codec]} kbps for {codec}.");
        }

        var sampleRate = a.SampleRate ?? 0;
        var rates = SampleRatesByCodec.GetValueOrDefault(codec, SampleRates);
        if (sampleRate != 0 && !rates.Contains(sampleRate))
        {
            throw Refuse("SampleRate", $"SampleRate {sampleRate} Hz is not available for {codec}; available: {string.Join(", ", rates)}.");
        }

        if (container == "mxf" && sampleRate is not (0 or MxfSampleRate))
        {
            throw Refuse("SampleRate", $"Container mxf holds {MxfSampleRate} Hz audio only.");
        }

        if (a.AudioChannel is not (null or 0 or 1 or 2 or 6))
        {
            throw Refuse("AudioChannel", $"Unknown AudioChannel {a.AudioChannel}; AudioChannel is 0 (source), 1, 2 or 6 (5.1).");
        }

        if (a.TrackChannelInfo is { } tracks && !IsAbsent(tracks))
        {
            // The spec gives it for adaptive streaming's multi-track merge and does not define TrackInfo's members.
            throw Refuse("TrackChannelInfo", "TrackChannelInfo (per-track channel remixing) is not implemented by this server.");
        }
    }
}
