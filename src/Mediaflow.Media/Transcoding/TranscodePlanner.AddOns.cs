using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>
    /// OverrideParameter's AddonAudioStream and AddOnSubtitles (docs/transcoding-addons.md): each file one more input
    /// after the others. An audio file's first stream is mapped (<c>N:a:0</c>) and encoded with the template's audio
    /// settings, read for at most the output's length (input <c>-t</c>), and appended to <paramref name="streams"/> after
    /// the main tracks (with extra tracks every audio stream gets its own encoder entry, <c>-c:a:i</c>). A subtitle file is mapped (<c>N:s:0</c>) with the container's
    /// subtitle encoder (<see cref="SubtitleFiles.Encoder"/>) and its language/title tags.
    /// </summary>
    private static List<SubtitleEncoding> AddTracks(
        TranscodeRequest request, MediaOptions options, List<FfmpegInput> inputs, List<string> maps, List<AudioEncoding> streams, double clipSeconds)
    {
        var template = request.Template;
        if (request.AddonAudio.Count > 0)
        {
            if (template.RemoveAudio == 1 || template.AudioTemplate is null)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "AddonAudioStream adds audio tracks, and this output has no audio.");
            }

            var outputSeconds = clipSeconds + request.HeadClips.Concat(request.TailClips).Sum(c => c.Probe.Duration);

            for (var i = 0; i < request.AddonAudio.Count; i++)
            {
                var track = request.AddonAudio[i];
                var probed = track.Probe.Audio
                    ?? throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, $"AddonAudioStream[{i}] has no audio stream.");
                maps.Add($"{inputs.Count}:a:0");
                inputs.Add(new FfmpegInput { Path = track.Path, FormatWhitelist = options.SourceFormats, Duration = TimeSpan.FromSeconds(outputSeconds) });
                streams.Add(PlanAudio(template.Container, template.AudioTemplate, probed));
            }
        }

        var subtitles = new List<SubtitleEncoding>();
        foreach (var file in request.AddOnSubtitles)
        {
            var format = file.Format;
            var encoder = SubtitleFiles.Encoder(template.Container, format)
                ?? throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Container {template.Container} takes no soft subtitle track.");
            maps.Add($"{inputs.Count}:s:0");
            inputs.Add(new FfmpegInput { Path = file.Path, Format = format, FormatWhitelist = [format] });
            subtitles.Add(new SubtitleEncoding { Encoder = encoder, Language = file.Language, Title = file.Name, Default = file.Default });
        }

        return subtitles;
    }
}
