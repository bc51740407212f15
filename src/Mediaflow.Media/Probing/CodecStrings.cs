using System.Globalization;

namespace Mediaflow.Media.Probing;

/// <summary>
/// RFC 6381 codec strings (the wire <c>Codecs</c> field) derived from what ffprobe reports. H.264 constraint flags are
/// not reported by ffprobe; the usual value of each profile is assumed. "" when not derivable.
/// </summary>
public static class CodecStrings
{
    public static string Video(ProbedVideoTrack v)
    {
        ArgumentNullException.ThrowIfNull(v);
        switch (v.Codec)
        {
            case "h264":
                var profile = v.Profile switch
                {
                    "Constrained Baseline" => "42e0",
                    "Baseline" => "4200",
                    "Main" => "4d40",
                    "Extended" => "5800",
                    "High" => "6400",
                    "High 10" => "6e00",
                    "High 4:2:2" => "7a00",
                    "High 4:4:4 Predictive" => "f400",
                    _ => null,
                };
                return profile is null || v.Level <= 0 ? "" : $"avc1.{profile}{v.Level.ToString("x2", CultureInfo.InvariantCulture)}";
            case "hevc":
                var general = v.Profile switch
                {
                    "Main" => "1.6",
                    "Main 10" => "2.4",
                    _ => null,
                };
                return general is null || v.Level <= 0 ? "" : FormattableString.Invariant($"hvc1.{general}.L{v.Level}.B0");
            default:
                return "";
        }
    }

    public static string Audio(ProbedAudioTrack a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Codec switch
        {
            "aac" => a.Profile switch
            {
                "HE-AAC" => "mp4a.40.5",
                "HE-AACv2" => "mp4a.40.29",
                _ => "mp4a.40.2",
            },
            "mp3" => "mp4a.40.34",
            "flac" => "fLaC",
            "opus" => "Opus",
            "ac3" => "ac-3",
            "eac3" => "ec-3",
            _ => "",
        };
    }
}
