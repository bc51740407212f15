using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Enhancement;

/// <summary>AudioEnhance → the audio chain: denoise, beautify, then volume balance (loudness last, so it holds).</summary>
public static class AudioEnhancement
{
    /// <summary>VolumeBalance loudNorm target: integrated loudness (LUFS), the common streaming level.</summary>
    public const double TargetLoudness = -16;

    /// <summary>VolumeBalance loudNorm target true peak (dBTP).</summary>
    public const double TargetTruePeak = -1.5;

    /// <summary>VolumeBalance loudNorm target loudness range (LU).</summary>
    public const double TargetRange = 11;

    public static IReadOnlyList<Filter> Filters(AudioEnhanceConfig config, ProbedAudioTrack source)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(source);
        var filters = new List<Filter>();
        if (config.Denoise is { } denoise && TranscodeTemplateRules.IsOn(denoise.Switch))
        {
            filters.Add(new AfftdnFilter(NoiseReduction: 12, NoiseFloor: -40));
        }

        if (config.Beautify is { } beautify && TranscodeTemplateRules.IsOn(beautify.Switch))
        {
            var types = beautify.Types is { Count: > 0 } t ? t.Distinct(StringComparer.Ordinal) : ["declick"];
            filters.AddRange(types.Select(type => type == "deesser" ? (Filter)new DeesserFilter() : new AdeclickFilter()));
        }

        if (config.VolumeBalance is { } balance && TranscodeTemplateRules.IsOn(balance.Switch))
        {
            if (balance.Type == "gainControl")
            {
                filters.Add(new DynaudnormFilter());
            }
            else
            {
                // loudnorm works at 192 kHz internally and outputs that rate: resample back to the source's.
                filters.Add(new LoudnormFilter(TargetLoudness, TargetTruePeak, TargetRange));
                filters.Add(new AformatFilter(source.SampleRate > 0 ? source.SampleRate : 48000));
            }
        }

        return filters;
    }
}
