using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>
    /// The output's main audio tracks: one per StreamSelects index (the source's first audio stream when absent), each
    /// mapped from the source (<c>0:a:N</c>, N counted among the source's audio streams) and encoded alike; then the
    /// track labels: AudioLanguage → <c>language</c> (<c>source</c> copies each source track's ISO 639-2 tag, none when
    /// it has none), AudioName → <c>title</c>/<c>handler_name</c>, DefaultTrack → disposition (with several tracks the
    /// first is the default one, or none when DefaultTrack is false). An index the source does not have fails the node
    /// <see cref="MediaErrorCodes.ContentUnsupported"/>.
    /// </summary>
    private static (List<AudioEncoding> Tracks, IReadOnlyList<string> Sources) PlanAudioTracks(string container, AudioTemplateInfo a, ProbeResult source)
    {
        var selected = TranscodeTemplateRules.SelectedAudioStreams(a);
        var tracks = new List<AudioEncoding>();
        var sources = new List<string>();
        for (var i = 0; i < selected.Count; i++)
        {
            var index = selected[i];
            var track = index < source.AudioStreams.Count
                ? source.AudioStreams[index]
                : throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, $"StreamSelects names audio stream {index}; the source has {source.AudioStreams.Count} audio stream(s).");
            var language = a.AudioLanguage == TranscodeTemplateRules.SourceLanguage
                ? (Iso639Part2.IsCode(track.Language) ? track.Language : null)
                : (string.IsNullOrEmpty(a.AudioLanguage) ? null : a.AudioLanguage);
            tracks.Add(PlanAudio(container, a, track) with
            {
                Language = language,
                Title = string.IsNullOrEmpty(a.AudioName) ? null : a.AudioName,
                Default = selected.Count > 1 ? i == 0 && a.DefaultTrack != false : a.DefaultTrack == false ? false : null,
            });
            sources.Add(FormattableString.Invariant($"0:a:{index}"));
        }

        return (tracks, sources);
    }
}
