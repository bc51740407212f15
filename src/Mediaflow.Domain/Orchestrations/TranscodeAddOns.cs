using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Rules of OverrideParameter's <c>AddonAudioStream</c> and <c>AddOnSubtitles</c> (docs/transcoding-addons.md): each
/// item a COS object of the account; subtitles of Type <c>subtitle-stream</c> only; the container must hold the tracks.
/// Refusals name the member (<c>InvalidParameterValue.AddonAudioStream</c> / <c>.AddOnSubtitles</c> /
/// <c>.SubtitleLanguage</c> / <c>.SubtitleName</c> / <c>.OutputFormat</c>).
/// </summary>
public static partial class TranscodeAddOns
{
    public const int MaxAudioStreams = 10;
    public const int MaxSubtitles = 10;
    public const int MaxNameLength = 64;

    /// <summary>Containers that take extra audio tracks.</summary>
    public static readonly IReadOnlySet<string> AudioContainers = new HashSet<string>(StringComparer.Ordinal) { "mp4", "mov", "mkv", "webm", "ts" };

    /// <summary>Containers that take soft subtitle tracks (mp4/mov: mov_text; mkv: the file's own format; webm: WebVTT).</summary>
    public static readonly IReadOnlySet<string> SubtitleContainers = new HashSet<string>(StringComparer.Ordinal) { "mp4", "mov", "mkv", "webm" };

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Language();

    /// <summary>Node-only rules (the template is not known yet).</summary>
    public static void ValidateShape(int index, OverrideTranscodeParameter overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var at = $"Activities[{index}]: TranscodeTask.OverrideParameter";
        var audio = overrides.AddonAudioStream ?? [];
        if (audio.Count > MaxAudioStreams)
        {
            throw Refuse("AddonAudioStream", $"{at}.AddonAudioStream has at most {MaxAudioStreams} items");
        }

        for (var i = 0; i < audio.Count; i++)
        {
            if (!IsStoreObject(audio[i]))
            {
                throw Refuse("AddonAudioStream", $"{at}.AddonAudioStream[{i}] must be a COS object (Type COS, Bucket, Region, Object) of the account");
            }
        }

        ValidateSubtitles($"{at}.AddOnSubtitles", overrides.AddOnSubtitles);
    }

    /// <summary>
    /// The AddOnSubtitles items (shared with the adaptive-streaming node): ≤ 10, Type <c>subtitle-stream</c>, a COS object
    /// of the account, a language code, a short name, WebVTT output. <paramref name="at"/> names the list in messages.
    /// </summary>
    public static void ValidateSubtitles(string at, IReadOnlyList<AddOnSubtitle>? list)
    {
        var subtitles = list ?? [];
        if (subtitles.Count > MaxSubtitles)
        {
            throw Refuse("AddOnSubtitles", $"{at} has at most {MaxSubtitles} items");
        }

        for (var i = 0; i < subtitles.Count; i++)
        {
            var subtitle = subtitles[i] ?? throw Refuse("AddOnSubtitles", $"{at}[{i}] is null");
            var item = $"{at}[{i}]";
            if (subtitle.Type != "subtitle-stream")
            {
                // 608/708 captions cannot be produced with Debian's FFmpeg (DESIGN §7.5).
                throw Refuse("AddOnSubtitles", $"{item}.Type '{subtitle.Type}' is not supported: only subtitle-stream");
            }

            if (!IsStoreObject(subtitle.Subtitle))
            {
                throw Refuse("AddOnSubtitles", $"{item}.Subtitle must be a COS object (Type COS, Bucket, Region, Object) of the account");
            }

            if (subtitle.SubtitleLanguage is { } language && !Language().IsMatch(language))
            {
                throw Refuse("SubtitleLanguage", $"{item}.SubtitleLanguage '{language}' must be a language code such as eng or en-US");
            }

            if (subtitle.SubtitleName is { } name && (name.Length > MaxNameLength || name.Any(char.IsControl)))
            {
                throw Refuse("SubtitleName", $"{item}.SubtitleName is at most {MaxNameLength} characters without control characters");
            }

            if (subtitle.OutputFormat is not (null or "" or "WebVTT"))
            {
                throw Refuse("OutputFormat", $"{item}.OutputFormat '{subtitle.OutputFormat}' is not supported: only WebVTT");
            }
        }
    }

    /// <summary>Rules that depend on the effective template: the output must have somewhere to put the tracks.</summary>
    public static void ValidateFor(TranscodeTemplate template, OverrideTranscodeParameter overrides)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.AddonAudioStream is { Count: > 0 })
        {
            if (template.RemoveAudio == 1 || template.AudioTemplate is null)
            {
                throw Refuse("AddonAudioStream", "AddonAudioStream adds audio tracks, and this output has no audio (RemoveAudio or no AudioTemplate)");
            }

            if (!AudioContainers.Contains(template.Container))
            {
                throw Refuse("AddonAudioStream", $"AddonAudioStream: container {template.Container} holds one audio track; extra tracks go into {string.Join(", ", AudioContainers)}");
            }
        }

        if (overrides.AddOnSubtitles is { Count: > 0 } && !SubtitleContainers.Contains(template.Container))
        {
            throw Refuse("AddOnSubtitles", $"AddOnSubtitles: container {template.Container} takes no soft subtitle track here; use {string.Join(", ", SubtitleContainers)} (or burn them in with SubtitleTemplate)");
        }
    }

    private static bool IsStoreObject(MediaInputInfo? input) =>
        input is { Type: "COS", CosInputInfo: { Bucket.Length: > 0, Region.Length: > 0, Object.Length: > 0 } };

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
