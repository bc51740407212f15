using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// Hdr: <c>HDR10</c>/<c>HLG</c> convert to HDR (BT.2020, PQ or HLG, 10-bit), an SDR source placed with its reference
/// white at <see cref="SdrWhiteNits"/> (ITU-R BT.2408); <c>MfSDR</c> tone-maps an HDR source (PQ or HLG) to SDR BT.709
/// with <c>tonemap=hable</c> in linear light. Conversions zimg does itself from the frames' colour tags.
/// </summary>
public static class HdrConversion
{
    public const double SdrWhiteNits = 203;

    /// <summary>Peak (cd/m²) that linear 1.0 stands for when linearising HDR before tone mapping.</summary>
    public const double ToneMapPeakNits = 100;

    public static bool IsHdr(ProbedVideoTrack video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return video.ColorTransfer is "smpte2084" or "arib-std-b67";
    }

    public static IReadOnlyList<Filter> Filters(string type, ProbedVideoTrack source, VideoTemplateInfo video)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(video);
        var pixelFormat = TranscodeTemplateRules.IsTenBit(video) ? "yuv420p10le" : "yuv420p";
        if (type == TranscodeTemplateRules.HdrToSdr)
        {
            // An SDR source has nothing to tone-map.
            return IsHdr(source)
                ?
                [
                    new ZscaleFilter { Transfer = "linear", NominalPeak = ToneMapPeakNits },
                    new FormatFilter("gbrpf32le"),
                    new ZscaleFilter { Primaries = "bt709" },
                    new TonemapFilter("hable", 0),
                    new ZscaleFilter { Transfer = "bt709", Matrix = "bt709", Range = "tv" },
                    new FormatFilter(pixelFormat),
                ]
                : [];
        }

        var transfer = type == "HLG" ? "arib-std-b67" : "smpte2084";
        if (source.ColorTransfer == transfer)
        {
            return [];
        }

        var sdr = !IsHdr(source);
        return
        [
            new ZscaleFilter
            {
                // Untagged or SDR sources are read as BT.709.
                TransferIn = sdr ? "bt709" : null,
                PrimariesIn = sdr ? "bt709" : null,
                MatrixIn = sdr ? "bt709" : null,
                Transfer = transfer,
                Primaries = "bt2020",
                Matrix = "bt2020nc",
                NominalPeak = SdrWhiteNits,
            },
            new FormatFilter(pixelFormat),
        ];
    }
}
