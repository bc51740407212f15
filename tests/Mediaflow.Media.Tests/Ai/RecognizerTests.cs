using Mediaflow.Media.Ai;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Ai;

/// <summary>The OCR and speech engines on media made here (DESIGN §7.8): drawtext at known times, flite speech (voice rms).</summary>
public sealed class RecognizerTests : IDisposable
{
    private const string Sentence = "hello world the weather is sunny today please open the door";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddMediaflowMedia(new MediaOptions { NoProgressTimeout = TimeSpan.FromSeconds(30) }).AddMediaflowAi(new AiOptions()).BuildServiceProvider();

    /// <summary>5 s, 640×360: "JOB 4711 APPROVED" from 1.0 to 2.5 s, and the sentence spoken from the start.</summary>
    private Task<string> SpeechAndTextAsync() => TestMedia.GenerateAsync(temp.Path, "said-and-shown.mp4",
    [
        "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=5",
        "-f", "lavfi", "-i", $"flite=text='{Sentence}':voice=rms",
        "-filter_complex", "[0:v]drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='JOB 4711 APPROVED':fontsize=40:fontcolor=white:x=120:y=160:enable='between(t,1,2.5)'[v];[1:a]apad[a]",
        "-map", "[v]", "-map", "[a]", "-t", "5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
    ]);

    private Task<string> CleanAsync() => TestMedia.GenerateAsync(temp.Path, "clean.mp4",
    [
        "-f", "lavfi", "-i", "color=c=0x336699:s=320x180:r=25:d=2", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
        "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
    ]);

    [Fact]
    public async Task ReadAsync_BurnedInText_ReadWithTimeRangeAndArea()
    {
        var source = await SpeechAndTextAsync();
        await using var services = Services();

        var reading = await services.GetRequiredService<TextRecognizer>().ReadAsync(source, 5, 640, 360, temp.Path, null, CancellationToken.None);

        var segment = Assert.Single(reading.FullText());
        Assert.Equal("JOB 4711 APPROVED", Assert.Single(segment.Lines).Text);
        Assert.InRange(segment.StartTimeOffset, 0.5, 1.5);
        Assert.InRange(segment.EndTimeOffset, 2.0, 3.0);
        var area = segment.Lines[0];
        Assert.InRange(area.X1, 110, 130);
        Assert.InRange(area.Y1, 150, 175);
        Assert.Contains(reading.Words(), w => w.Word == "4711" && w.StartTimeOffset == segment.StartTimeOffset);
    }

    [Fact]
    public async Task RecognizeAsync_FliteSentence_KeyWordsHeardInOrderWithTimes()
    {
        var source = await SpeechAndTextAsync();
        await using var services = Services();

        var utterances = await services.GetRequiredService<SpeechRecognizer>().RecognizeAsync(source, 5, hasAudio: true, temp.File("asr"), null, CancellationToken.None);

        var words = utterances.SelectMany(u => u.Words).ToList();
        string[] keys = ["hello", "world", "sunny", "please", "open", "door"];
        Assert.True(keys.Count(k => words.Any(w => w.Word == k)) >= 5, string.Join(' ', words.Select(w => w.Word)));
        Assert.True(words.Zip(words.Skip(1)).All(p => p.First.Start <= p.Second.Start), "words in time order");
        Assert.InRange(words.Single(w => w.Word == "door").End, 2.5, 5);
    }

    [Fact]
    public async Task Recognizers_CleanSourceWithSilence_FindNothing()
    {
        var source = await CleanAsync();
        await using var services = Services();

        var reading = await services.GetRequiredService<TextRecognizer>().ReadAsync(source, 2, 320, 180, temp.Path, null, CancellationToken.None);
        var utterances = await services.GetRequiredService<SpeechRecognizer>().RecognizeAsync(source, 2, hasAudio: true, temp.File("asr"), null, CancellationToken.None);

        Assert.Empty(reading.FullText());
        Assert.Empty(utterances);
    }

    [Fact]
    public async Task ReadAsync_MissingTesseract_RetryableInternalFailure()
    {
        var source = await CleanAsync();
        await using var services = new ServiceCollection().AddMediaflowMedia(new MediaOptions())
            .AddMediaflowAi(new AiOptions { TesseractPath = "/nonexistent/tesseract" }).BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => services.GetRequiredService<TextRecognizer>().ReadAsync(source, 2, 320, 180, temp.Path, null, CancellationToken.None));

        Assert.True(failure.Retryable);
        Assert.Equal(MediaErrorCodes.InternalError, failure.ErrCodeExt);
    }
}
