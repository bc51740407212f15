using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Ai.Review;

/// <summary>
/// Content review with the real engines on media made here (DESIGN §7.8): a forbidden word spoken by flite (voice rms)
/// and burned in with drawtext at known times is blocked with the right evidence; a clean clip passes; an account word
/// blocks once it is in the library.
/// </summary>
public sealed class ContentReviewerTests : IDisposable
{
    private static readonly IReadOnlyList<ReviewCheck> Checks =
    [
        new(ContentReviewLabels.Prohibited, ReviewSource.Asr, 80, 50, []),
        new(ContentReviewLabels.Prohibited, ReviewSource.Ocr, 80, 50, []),
        new(ContentReviewLabels.Porn, ReviewSource.Asr, 80, 50, []),
    ];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddMediaflowMedia(new MediaOptions { NoProgressTimeout = TimeSpan.FromSeconds(30) }).AddMediaflowAi(new AiOptions()).BuildServiceProvider();

    /// <summary>
    /// 4 s, 320×180: "the bag is full of cocaine" spoken from 1 s (alone, Sphinx places "cocaine" at 1.46–2.21 s of the
    /// speech, so 2.46–3.21 s here) and "COCAINE" shown from 1.0 to 2.5 s at (60, 70).
    /// </summary>
    private Task<string> ForbiddenAsync() => Clip("forbidden.mp4", "the bag is full of cocaine", "COCAINE");

    private Task<string> CleanAsync() => Clip("clean.mp4", "please open the door", "GATE 12");

    private Task<string> Clip(string name, string said, string shown) => TestMedia.GenerateAsync(temp.Path, name,
    [
        "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=4",
        "-f", "lavfi", "-i", $"flite=text='{said}':voice=rms",
        "-filter_complex", $"[0:v]drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='{shown}':fontsize=32:fontcolor=white:x=60:y=70:enable='between(t,1,2.5)'[v];[1:a]adelay=1000,apad[a]",
        "-map", "[v]", "-map", "[a]", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
    ]);

    private async Task<IReadOnlyList<LabelReview>> ReviewAsync(string source, ReviewLibrary library)
    {
        await using var services = Services();
        return await services.GetRequiredService<ContentReviewer>().ReviewAsync(new ReviewMedia(source, 4, 320, 180, 4, HasAudio: true), Checks, library,
            temp.File(Path.GetFileNameWithoutExtension(source)), null, CancellationToken.None);
    }

    private static ReviewLibrary Defaults => ReviewLibrary.Build([]);

    [Fact]
    public async Task ReviewAsync_ForbiddenWordSpokenAndShown_BlockedWithSegmentsAtTheirTimes()
    {
        var reviews = await ReviewAsync(await ForbiddenAsync(), Defaults);

        var asr = reviews.Single(r => r.Check.ResultType == "Prohibited.Asr");
        Assert.Equal("block", asr.Suggestion);
        var spoken = Assert.Single(asr.Segments);
        Assert.Equal(["cocaine"], spoken.Hit.Keywords);
        Assert.InRange(spoken.Hit.StartTimeOffset, 1.96, 2.96);
        Assert.InRange(spoken.Hit.EndTimeOffset, 2.71, 3.71);

        var ocr = reviews.Single(r => r.Check.ResultType == "Prohibited.Ocr");
        Assert.Equal("block", ocr.Suggestion);
        var shown = Assert.Single(ocr.Segments);
        Assert.InRange(shown.Hit.StartTimeOffset, 0.5, 1.5);
        Assert.InRange(shown.Hit.EndTimeOffset, 2.0, 3.0);
        Assert.InRange(shown.Hit.Area!.X1, 50, 70);
        Assert.InRange(shown.Hit.Area.Y1, 60, 85);
        Assert.Equal(2, ocr.SampleRate);

        Assert.Equal("pass", reviews.Single(r => r.Check.ResultType == "Porn.Asr").Suggestion);
    }

    [Fact]
    public async Task ReviewAsync_CleanClip_EveryLabelPasses()
    {
        var reviews = await ReviewAsync(await CleanAsync(), Defaults);

        Assert.Equal(["Prohibited.Asr", "Prohibited.Ocr", "Porn.Asr"], reviews.Select(r => r.Check.ResultType));
        Assert.All(reviews, r => Assert.Equal(("pass", 0.0), (r.Suggestion, r.Confidence)));
        Assert.All(reviews, r => Assert.Empty(r.Segments));
    }

    [Fact]
    public async Task ReviewAsync_AccountWordForSpeechAndText_CleanClipNowBlocked()
    {
        var library = ReviewLibrary.Build([("door", [], WordSampleRules.Expand(["Review.Asr"])), ("gate", ["Porn"], WordSampleRules.Expand(["Review"]))]);

        var reviews = await ReviewAsync(await CleanAsync(), library);

        var asr = reviews.Single(r => r.Check.ResultType == "Prohibited.Asr");
        Assert.Equal("block", asr.Suggestion);
        Assert.Equal(["door"], Assert.Single(asr.Segments).Hit.Keywords);
        Assert.Equal("pass", reviews.Single(r => r.Check.ResultType == "Prohibited.Ocr").Suggestion); // "gate" is tagged Porn and Porn.Ocr is off
        Assert.Equal("pass", reviews.Single(r => r.Check.ResultType == "Porn.Asr").Suggestion); // "gate" is shown, not said
    }
}
