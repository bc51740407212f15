using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Models;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Media.Tests.Ai.Models;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Review;

/// <summary>
/// Picture review through the configurable-model mechanism, on the brightness model built at test time (labels
/// <c>Normal</c>, <c>Porn:bright</c>: the brighter the frame, the higher its Porn score) and clips made here.
/// </summary>
public sealed class ImageReviewerTests : IAsyncDisposable
{
    private static readonly ReviewCheck PornCheck = new(ContentReviewLabels.Porn, ReviewSource.Img, 80, 50, []);

    private readonly TempDirectory temp = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        temp.Dispose();
    }

    private async Task<IReadOnlyList<LabelReview>> ReviewAsync(string clip, params ReviewCheck[] checks)
    {
        var (model, labels) = await TestModels.BuildAsync(temp.Path, "brightness", "Normal", "Porn:bright");
        var config = new AiModelConfig { Path = model, Labels = labels, SampleRate = 4 };
        var reviewer = new ImageReviewer(media.ModelRunner);
        return await reviewer.ReviewAsync(config, clip, await media.Prober.ProbeAsync(clip, CancellationToken.None), checks, temp.File("work-" + Path.GetFileNameWithoutExtension(clip)), CancellationToken.None);
    }

    /// <summary>4 s, 160×90, dark, white from 1.5 s to 3.0 s.</summary>
    private Task<string> BrightSegmentAsync() => TestMedia.GenerateAsync(temp.Path, "segment.mp4",
        ["-f", "lavfi", "-i", "color=c=0x202020:s=160x90:r=25:d=4,drawbox=c=0xF0F0F0:t=fill:enable='between(t,1.5,2.99)'",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    [Fact]
    public async Task ReviewAsync_BrightSegment_BlockedWithTheSegmentAtItsTime()
    {
        var review = Assert.Single(await ReviewAsync(await BrightSegmentAsync(), PornCheck,
            new ReviewCheck(ContentReviewLabels.Porn, ReviewSource.Ocr, 80, 50, [])));

        Assert.Equal("Porn", review.Check.ResultType);
        Assert.Equal("block", review.Suggestion);
        Assert.Equal("bright", review.Label);
        Assert.True(review.Confidence >= 99, $"confidence {review.Confidence}");
        Assert.Equal(4, review.SampleRate);
        var (hit, suggestion) = Assert.Single(review.Segments);
        Assert.Equal("block", suggestion);
        Assert.Equal("bright", hit.Label);
        Assert.InRange(hit.StartTimeOffset, 1.0, 2.0);
        Assert.InRange(hit.EndTimeOffset, 2.5, 3.5);
    }

    [Fact]
    public async Task ReviewAsync_DarkClip_Passes()
    {
        var dark = await TestMedia.GenerateAsync(temp.Path, "dark.mp4", ["-f", "lavfi", "-i", "color=c=0x202020:s=160x90:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

        var review = Assert.Single(await ReviewAsync(dark, PornCheck));

        Assert.Equal("pass", review.Suggestion);
        Assert.Empty(review.Segments);
        Assert.True(review.Confidence < 1, $"confidence {review.Confidence}");
    }

    [Fact]
    public void Judge_ThresholdsRunsSubLabelsAndLabelSet()
    {
        var run = new ModelRun(["Porn:sexy", "Porn:porn", "Terrorism"],
            [new(0, [0.1f, 0.0f, 0.0f]), new(0.5, [0.6f, 0.2f, 0.0f]), new(1, [0.2f, 0.95f, 0.0f]), new(1.5, [0.1f, 0.1f, 0.0f]), new(2, [0.7f, 0.1f, 0.0f])], 0.5, 0.5, "");

        var reviews = ImageReviewer.Judge(run, [PornCheck, new(ContentReviewLabels.Terrorism, ReviewSource.Img, 90, 80, [])], duration: 2.2);

        var porn = reviews[0];
        Assert.Equal(("block", 95.0, "porn"), (porn.Suggestion, porn.Confidence, porn.Label));
        Assert.Equal(2, porn.Segments.Count);
        Assert.Equal((0.5, 1.5, 95.0, "porn", "block"), (porn.Segments[0].Hit.StartTimeOffset, porn.Segments[0].Hit.EndTimeOffset, porn.Segments[0].Hit.Confidence, porn.Segments[0].Hit.Label, porn.Segments[0].Suggestion));
        Assert.Equal((2.0, 2.2, "sexy", "review"), (porn.Segments[1].Hit.StartTimeOffset, porn.Segments[1].Hit.EndTimeOffset, porn.Segments[1].Hit.Label, porn.Segments[1].Suggestion));
        Assert.Equal(("pass", "terrorism"), (reviews[1].Suggestion, reviews[1].Label));
        Assert.Empty(reviews[1].Segments);

        var sexyOnly = Assert.Single(ImageReviewer.Judge(run, [PornCheck with { LabelSet = ["sexy"] }], 2.2));
        Assert.Equal(("review", 70.0, "sexy"), (sexyOnly.Suggestion, sexyOnly.Confidence, sexyOnly.Label));

        var failure = Assert.Throws<MediaFailure>(() => ImageReviewer.Judge(run, [new(ContentReviewLabels.Political, ReviewSource.Img, 97, 95, [])], 2.2));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.Contains("no label for Political", failure.Message, StringComparison.Ordinal);
    }
}
