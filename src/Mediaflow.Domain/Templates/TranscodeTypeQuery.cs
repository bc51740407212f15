using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// The DescribeTranscodeTemplates filters on what a template does (reference/mps-api.md §13.1): TranscodeType
/// (<c>Common</c>, <c>TEHD</c>, <c>TEHD-100</c>, <c>TEHD-200</c>, <c>Enhance</c>), the legacy TEHDType (<c>Common</c>,
/// <c>TEHD</c>) and EnhanceType (<c>VideoEnhance</c>, <c>AudioEnhance</c>, <c>VideoAudioEnhance</c>). Empty = no filter.
/// <c>Common</c> = neither TEHD nor any enhancement that asks for something.
/// </summary>
public sealed record TranscodeTypeQuery(string? TranscodeType, string? TehdType, string? EnhanceType)
{
    private static readonly string[] TranscodeTypes = ["Common", "TEHD", TranscodeTemplateRules.TehdVideo, TranscodeTemplateRules.TehdAudio, "Enhance"];
    private static readonly string[] TehdTypes = ["Common", "TEHD"];
    private static readonly string[] EnhanceTypes = ["VideoEnhance", "AudioEnhance", "VideoAudioEnhance"];

    /// <summary>Throws <see cref="ApiException"/> naming the filter whose value is unknown.</summary>
    public void Validate()
    {
        Known("TranscodeType", TranscodeType, TranscodeTypes);
        Known("TEHDType", TehdType, TehdTypes);
        Known("EnhanceType", EnhanceType, EnhanceTypes);
    }

    public bool Matches(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var tehd = template.TEHDConfig?.Type is { Length: > 0 } type ? type : null;
        var (video, audio) = TranscodeTemplateRules.Enhancements(template);
        var common = tehd is null && !video && !audio;
        return TranscodeType switch
            {
                null or "" => true,
                "Common" => common,
                "TEHD" => tehd is not null,
                "Enhance" => video || audio,
                var t => tehd == t,
            }
            && TehdType switch
            {
                null or "" => true,
                "Common" => tehd is null,
                _ => tehd is not null,
            }
            && EnhanceType switch
            {
                null or "" => true,
                "VideoEnhance" => video,
                "AudioEnhance" => audio,
                _ => video && audio,
            };
    }

    private static void Known(string field, string? value, string[] allowed)
    {
        if (!string.IsNullOrEmpty(value) && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"{field} must be one of {string.Join(", ", allowed)}.");
        }
    }
}
