using System.Globalization;
using System.Text.RegularExpressions;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.HotWords;
using Mediaflow.Media.Ai.Subtitles;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Ai.Subtitles;

/// <summary>Speech (flite, voice rms; DESIGN §7.8) and burned-in text at known times → cues → SRT/WebVTT.</summary>
public sealed partial class SpeechSubtitleTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddMediaflowMedia(new MediaOptions { NoProgressTimeout = TimeSpan.FromSeconds(30) }).AddMediaflowAi(new AiOptions()).BuildServiceProvider();

    /// <summary>Two sentences: the first from 0 s, the second from 3 s (1 s of silence after the first, which lasts about 2 s).</summary>
    private Task<string> TwoSentencesAsync() => TestMedia.GenerateAsync(temp.Path, "two.m4a",
    [
        "-f", "lavfi", "-i", "flite=text='hello world the weather is sunny':voice=rms",
        "-f", "lavfi", "-i", "flite=text='please open the door':voice=rms",
        "-filter_complex", "[0:a]apad=whole_dur=3[a0];[a0][1:a]concat=n=2:v=0:a=1,apad=pad_dur=1[a]", "-map", "[a]", "-c:a", "aac",
    ]);

    [Fact]
    public async Task FliteSpeech_ToSrtAndVtt_CueTimesAndWordsMatch()
    {
        var source = await TwoSentencesAsync();
        await using var services = Services();

        var utterances = await services.GetRequiredService<SpeechRecognizer>().RecognizeAsync(source, 6, hasAudio: true, temp.File("asr"), null, CancellationToken.None);
        var cues = CueBuilder.FromSpeech(utterances);
        var srt = SubtitleWriter.WriteSrt(cues);
        var vtt = SubtitleWriter.WriteVtt(cues);

        string[] spoken = ["hello", "world", "the", "weather", "is", "sunny", "please", "open", "the", "door"];
        var heard = string.Join(' ', cues.Select(c => c.Text)).Split([' ', '\n']);
        var accuracy = spoken.Count(w => heard.Contains(w)) / (double)spoken.Length;
        Assert.True(accuracy >= 0.8, $"word accuracy {accuracy:P0}: {string.Join(' ', heard)}");
        var second = cues.First(c => c.Text.Contains("door", StringComparison.Ordinal));
        Assert.InRange(second.Start, 2.5, 3.5); // the second sentence starts at 3 s
        Assert.InRange(cues[0].Start, 0, 0.5);
        Assert.StartsWith("1\n00:00:00,", srt, StringComparison.Ordinal);
        Assert.StartsWith("WEBVTT\n\n00:00:00.", vtt, StringComparison.Ordinal);
        Assert.Equal(cues.Count, SrtTiming().Count(srt));
        var secondStart = SrtTiming().Matches(srt)[cues.ToList().IndexOf(second)].Groups["start"].Value;
        Assert.Equal(SubtitleWriter.Time(second.Start, ','), secondStart);
        Assert.InRange(double.Parse(secondStart[6..].Replace(',', '.'), CultureInfo.InvariantCulture), 2.5, 3.5);
    }

    [Fact]
    public async Task HotWord_UnknownProductName_HeardOnlyWithTheLibrary()
    {
        var source = await TestMedia.GenerateAsync(temp.Path, "name.m4a",
            ["-f", "lavfi", "-i", "flite=text='open the mediaflow console':voice=rms", "-af", "apad=pad_dur=1", "-c:a", "aac"]);
        await using var services = Services();
        var speech = services.GetRequiredService<SpeechRecognizer>();

        var plain = await speech.RecognizeAsync(source, 3, hasAudio: true, temp.File("asr1"), "en", [], null, CancellationToken.None);
        var boosted = await speech.RecognizeAsync(source, 3, hasAudio: true, temp.File("asr2"), "en", [new HotWord("mediaflow", 10)], null, CancellationToken.None);

        Assert.DoesNotContain(plain.SelectMany(u => u.Words), w => w.Word == "mediaflow");
        var word = Assert.Single(boosted.SelectMany(u => u.Words), w => w.Word == "mediaflow");
        Assert.InRange(word.Start, 0.3, 1.2);
        Assert.Contains("console", boosted[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BurnedInLines_ToCues_TextAndTimes()
    {
        var source = await TestMedia.GenerateAsync(temp.Path, "lines.mp4",
        [
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=5",
            "-vf", "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='FIRST LINE HERE':fontsize=36:fontcolor=white:x=120:y=280:enable='between(t,0.5,2)',"
                + "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='SECOND LINE NOW':fontsize=36:fontcolor=white:x=120:y=280:enable='between(t,3,4.5)'",
            "-t", "5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        ]);
        await using var services = Services();

        var reading = await services.GetRequiredService<TextRecognizer>().ReadAsync(source, 5, 640, 360, temp.Path, null, CancellationToken.None);
        var cues = CueBuilder.FromScreenText(reading.FullText());

        Assert.Equal(2, cues.Count);
        Assert.Equal(("FIRST LINE HERE", "SECOND LINE NOW"), (cues[0].Text, cues[1].Text));
        Assert.InRange(cues[0].Start, 0, 1.0);
        Assert.InRange(cues[0].End, 1.5, 2.5);
        Assert.InRange(cues[1].Start, 2.5, 3.5);
        Assert.InRange(cues[1].End, 4.0, 5.0);
    }

    [GeneratedRegex(@"(?<start>\d\d:\d\d:\d\d,\d\d\d) --> (?<end>\d\d:\d\d:\d\d,\d\d\d)")]
    private static partial Regex SrtTiming();
}
