using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Support;

/// <summary>The layer as the host wires it (AddMediaflowMedia), with test options.</summary>
public sealed class MediaServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public MediaServices(MediaOptions? options = null)
    {
        Options = options ?? new MediaOptions { X264Preset = "ultrafast", X265Preset = "ultrafast", NoProgressTimeout = TimeSpan.FromSeconds(30) };
        provider = new ServiceCollection().AddMediaflowMedia(Options).BuildServiceProvider();
    }

    public MediaOptions Options { get; }
    public MediaProber Prober => provider.GetRequiredService<MediaProber>();
    public TranscodeExecutor Executor => provider.GetRequiredService<TranscodeExecutor>();
    public MediaProcessRunner Runner => provider.GetRequiredService<MediaProcessRunner>();
    public ChildProcessRegistry Registry => provider.GetRequiredService<ChildProcessRegistry>();

    public Mediaflow.Media.Ai.Analysis.MediaAnalyzer Analyzer => provider.GetRequiredService<Mediaflow.Media.Ai.Analysis.MediaAnalyzer>();

    public Mediaflow.Media.Ai.Models.FrameModelRunner ModelRunner => provider.GetRequiredService<Mediaflow.Media.Ai.Models.FrameModelRunner>();

    public Mediaflow.Media.Ai.Erasing.SmartEraser Eraser => provider.GetRequiredService<Mediaflow.Media.Ai.Erasing.SmartEraser>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
