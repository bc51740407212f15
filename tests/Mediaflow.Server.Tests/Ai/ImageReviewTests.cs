using System.Diagnostics;
using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>
/// Picture review through the real server with a configured <c>Ai:Models:ImageReview</c> model (docs/media-ai-review.md):
/// the ImgReviewInfo switch is accepted, a clip with a bright segment is blocked with that segment, a dark clip passes.
/// (Without a model the switch is refused: <see cref="ContentReviewTests"/>.)
/// </summary>
public sealed class ImageReviewTests(ImageReviewServer server) : IClassFixture<ImageReviewServer>, IAsyncLifetime
{
    private const string Bright = "in/bright-segment.mp4";
    private const string Dark = "in/dark.mp4";
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "imgreview");
        await PutClipAsync(Bright, "color=c=0x202020:s=160x90:r=25:d=4,drawbox=c=0xF0F0F0:t=fill:enable='between(t,1.5,2.99)'");
        await PutClipAsync(Dark, "color=c=0x202020:s=160x90:r=25:d=3");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task PutClipAsync(string key, string source)
    {
        var clip = Path.Combine(server.WorkDirectory, bucket + Path.GetFileName(key));
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, stderr);
        }

        await Buckets.PutFileAsync(server, bucket, key, clip);
    }

    private async Task<JsonElement> ReviewAsync(string key, long template)
    {
        var reply = await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, key), OutputStorage = Orchestrations.Output(bucket), AiContentReviewTask = new { Definition = template } });
        Assert.True(reply.ErrorCode is null, server.LogTail(80));
        var detail = await Mps.WaitForFinishAsync(reply.Success().GetProperty("TaskId").GetString()!);
        var result = Assert.Single(detail.GetProperty("WorkflowTask").GetProperty("AiContentReviewResultSet").EnumerateArray());
        Assert.Equal("Porn", result.GetProperty("Type").GetString());
        Assert.Equal(4, result.GetProperty("SampleRate").GetDouble());
        var task = result.GetProperty("PornTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        Assert.Equal(template, task.GetProperty("Input").GetProperty("Definition").GetInt64());
        return task.GetProperty("Output");
    }

    [Fact]
    public async Task FlatProcessMedia_PictureReview_BrightSegmentBlockedDarkClipPasses()
    {
        var template = (await Mps.OkAsync("CreateContentReviewTemplate", new
        {
            Name = "pictures", PornConfigure = new { ImgReviewInfo = new { Switch = "ON", BlockConfidence = 80, ReviewConfidence = 50 } },
        })).GetProperty("Definition").GetInt64();

        var blocked = await ReviewAsync(Bright, template);
        Assert.Equal(("block", "bright"), (blocked.GetProperty("Suggestion").GetString(), blocked.GetProperty("Label").GetString()));
        Assert.True(blocked.GetProperty("Confidence").GetDouble() >= 99, blocked.ToString());
        var segment = Assert.Single(blocked.GetProperty("SegmentSet").EnumerateArray());
        Assert.InRange(segment.GetProperty("StartTimeOffset").GetDouble(), 1.0, 2.0);
        Assert.InRange(segment.GetProperty("EndTimeOffset").GetDouble(), 2.5, 3.5);
        Assert.Equal(("block", "bright", ""), (segment.GetProperty("Suggestion").GetString(), segment.GetProperty("Label").GetString(), segment.GetProperty("Url").GetString()));

        var passed = await ReviewAsync(Dark, template);
        Assert.Equal("pass", passed.GetProperty("Suggestion").GetString());
        Assert.Equal(0, passed.GetProperty("SegmentSet").GetArrayLength());

        (await Mps.CallAsync("CreateContentReviewTemplate", new { Name = "x", ProhibitedConfigure = new { ImgReviewInfo = new { Switch = "ON" } } }))
            .AssertError("InvalidParameterValue.ImgReviewInfo");
    }
}
