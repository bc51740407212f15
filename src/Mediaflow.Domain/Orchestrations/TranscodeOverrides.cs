using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// OverrideParameter rules. The node-only checks (<see cref="ValidateShape"/>) run with the other pure node rules; the
/// merged result (<see cref="Apply"/>) is validated as a template once the stored template is known, so a refusal names
/// the field exactly as a Create with the same values would (e.g. an override to <c>webm</c> of an h264 template is
/// <c>InvalidParameterValue.VideoCodec</c>).
/// </summary>
public static class TranscodeOverrides
{
    /// <summary>Node-level rules: only with a non-zero Definition, no unimplemented or unknown member.</summary>
    public static void ValidateShape(int index, TranscodeTaskInput transcode)
    {
        ArgumentNullException.ThrowIfNull(transcode);
        if (transcode.OverrideParameter is not { } o)
        {
            return;
        }

        if (transcode.Definition == 0)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("OverrideParameter"), $"Activities[{index}]: TranscodeTask.OverrideParameter applies to a stored template (Definition ≠ 0); put the values in RawParameter instead");
        }

        var unknown = o.Unknown?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (unknown is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(unknown), $"Activities[{index}]: TranscodeTask.OverrideParameter.{unknown} is not a member of OverrideTranscodeParameter");
        }

        TranscodeAddOns.ValidateShape(index, o);
    }

    /// <summary>The effective template: <paramref name="template"/> with the override merged over it (not validated).</summary>
    public static TranscodeTemplate Apply(TranscodeTemplate template, OverrideTranscodeParameter? overrides)
    {
        ArgumentNullException.ThrowIfNull(template);
        return overrides is null ? template : TranscodeTemplateMerge.Apply(template, overrides.ToPatch());
    }

    /// <summary><see cref="Apply"/>, then <see cref="TranscodeTemplateRules.Validate"/>; a refusal keeps its code and names the node.</summary>
    public static TranscodeTemplate ApplyAndValidate(int index, TranscodeTemplate template, OverrideTranscodeParameter? overrides)
    {
        var merged = Apply(template, overrides);
        if (overrides is null)
        {
            return merged;
        }

        try
        {
            TranscodeTemplateRules.Validate(merged);
            TranscodeAddOns.ValidateFor(merged, overrides);
        }
        catch (ApiException exception)
        {
            throw new ApiException(exception.Code, $"Activities[{index}]: OverrideParameter on template {template.Definition}: {exception.Message}");
        }

        return merged;
    }

}
