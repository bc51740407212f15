using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// What a transcode template may say in this build (DESIGN §7.5: a field or value we do not implement is refused with
/// <c>InvalidParameterValue.&lt;Field&gt;</c>, never stored and ignored). Used for Create, for Modify (on the template
/// after <see cref="TranscodeTemplateMerge.Apply"/>), for RawParameter and for OverrideParameter results.
/// Each later issue widens the implemented sets here, and only here.
/// </summary>
public static partial class TranscodeTemplateRules
{
    /// <summary>Containers this build can produce.</summary>
    public static readonly IReadOnlySet<string> ImplementedContainers = new HashSet<string>(StringComparer.Ordinal)
    {
        "mp4", "flv", "hls", "ts", "webm", "mkv", "mxf", "mov", "mp3", "flac", "ogg", "m4a", "wav",
    };

    /// <summary>Every container name of the MPS model (reference/mps-api.md §13.1).</summary>
    public static readonly IReadOnlySet<string> KnownContainers = new HashSet<string>(StringComparer.Ordinal)
    {
        "mp4", "flv", "hls", "ts", "webm", "mkv", "mxf", "mov", "mp3", "flac", "ogg", "m4a", "wav",
    };

    public const int MaxNameLength = TemplateTextRules.MaxNameLength;
    public const int MaxCommentLength = TemplateTextRules.MaxCommentLength;

    /// <summary>Throws <see cref="ApiException"/> naming the first field that is invalid or not implemented.</summary>
    public static void Validate(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);

        ValidateContainer(template.Container);
        ValidateSwitch("RemoveVideo", template.RemoveVideo);
        ValidateSwitch("RemoveAudio", template.RemoveAudio);
        ValidateTopLevelExtensions(template);

        var audioOnlyContainer = TranscodeContainers.IsAudioOnly(template.Container);
        if (audioOnlyContainer)
        {
            if (template.VideoTemplate is { } video)
            {
                throw string.IsNullOrEmpty(video.Codec)
                    ? Refuse("VideoTemplate", $"Container {template.Container} is audio-only; it takes no VideoTemplate.")
                    : Refuse("VideoCodec", $"Container {template.Container} is audio-only; it cannot hold {video.Codec} video.");
            }

            if (template.RemoveAudio == 1)
            {
                throw Refuse("RemoveAudio", $"Container {template.Container} is audio-only; removing the audio leaves nothing.");
            }
        }
        else if (template.RemoveVideo == 0 && template.VideoTemplate is null)
        {
            throw Refuse("VideoTemplate", "VideoTemplate is required unless RemoveVideo is 1.");
        }

        if (template.RemoveVideo == 1 && template.RemoveAudio == 1)
        {
            throw Refuse("RemoveAudio", "RemoveVideo and RemoveAudio cannot both be 1.");
        }

        if (template.RemoveAudio == 0 && template.AudioTemplate is null)
        {
            throw Refuse("AudioTemplate", "AudioTemplate is required unless RemoveAudio is 1.");
        }

        if (template.VideoTemplate is { } v)
        {
            ValidateVideo(template.Container, v);
        }

        if (template.AudioTemplate is { } a)
        {
            ValidateAudio(template.Container, a);
            ValidateAudioTracks(template, a);
        }
    }

    private static void ValidateContainer(string container)
    {
        if (string.IsNullOrEmpty(container))
        {
            throw Refuse("Container", "Container is required.");
        }

        if (!ImplementedContainers.Contains(container))
        {
            throw Refuse("Container", KnownContainers.Contains(container)
                ? $"Container {container} is not implemented by this server; implemented: {string.Join(", ", ImplementedContainers)}."
                : $"Unknown Container {container}.");
        }
    }

    private static void ValidateTopLevelExtensions(TranscodeTemplate template)
    {
        ValidateTehd(template);
        ValidateEnhance(template);

        if (SubtitleBurnIn.Parse(template.SubtitleTemplate) is not null && template.IsAudioOnly)
        {
            throw Refuse("SubtitleTemplate", "SubtitleTemplate burns subtitles into the picture; this output has no video.");
        }

        if (!string.IsNullOrEmpty(template.StdExtInfo))
        {
            throw Refuse("StdExtInfo", "StdExtInfo is not implemented by this server.");
        }
    }

    private static void ValidateSwitch(string field, long value)
    {
        if (value is not (0 or 1))
        {
            throw Refuse(field, $"{field} must be 0 or 1.");
        }
    }

    /// <summary>JSON null, undefined or an empty object: the client did not ask for anything.</summary>
    internal static bool IsAbsent(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.Object => !element.EnumerateObject().Any(),
        _ => false,
    };

    internal static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
