using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mediaflow.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the FFmpeg layer as singletons. The <see cref="ChildProcessRegistry"/> singleton kills every running
    /// ffmpeg/ffprobe when the container is disposed at host shutdown; call <see cref="ChildProcessRegistry.KillAll"/>
    /// earlier if the host must stop children before that.
    /// </summary>
    public static IServiceCollection AddMediaflowMedia(this IServiceCollection services, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ChildProcessRegistry>();
        services.AddSingleton<MediaProcessRunner>();
        services.AddSingleton<MediaProber>();
        services.AddSingleton<TranscodeExecutor>();
        services.AddSingleton<Snapshots.SnapshotExecutor>();
        services.AddSingleton<Streaming.AdaptiveExecutor>();
        services.AddSingleton<Watermarks.WatermarkPreparer>();
        services.AddSingleton<Quality.QualityMeter>();
        services.AddSingleton<QualityControl.SpotCheckCutter>();
        services.AddSingleton<Fusion.FusionRunner>();
        services.AddSingleton<QualityControl.IQualityInspector, QualityControl.ContentInspector>();
        services.AddSingleton<QualityControl.IQualityInspector, QualityControl.Format.FormatInspector>();
        services.AddSingleton<QualityControl.IFrameDetector, QualityControl.Frames.CodeFrameDetector>();
        services.AddSingleton<QualityControl.IFrameDetector, QualityControl.Frames.BrisqueFrameDetector>();
        services.AddSingleton<QualityControl.IFrameDetector, QualityControl.Frames.BlockinessFrameDetector>();
        services.AddSingleton<QualityControl.IFrameDetector, QualityControl.Frames.WhiteEdgeFrameDetector>();
        services.AddSingleton<QualityControl.IFrameDetector, QualityControl.Frames.JitterFrameDetector>();
        services.AddSingleton<Ai.Analysis.MediaAnalyzer>();
        services.AddSingleton<Ai.Models.FrameModelRunner>();
        services.AddSingleton<Ai.Erasing.SmartEraser>();
        return services;
    }
}
