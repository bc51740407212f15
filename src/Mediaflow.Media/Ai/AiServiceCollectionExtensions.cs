using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the media-AI engines (OCR, speech) over the FFmpeg layer's process runner. A configured Whisper model is
    /// loaded here, so a missing or corrupt one stops startup with a <see cref="Whisper.WhisperModelException"/>.
    /// </summary>
    public static IServiceCollection AddMediaflowAi(this IServiceCollection services, AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<AiRunner>();
        services.AddSingleton<TextRecognizer>();
        if (options.Whisper.IsConfigured)
        {
            services.AddSingleton(Whisper.WhisperEngine.Load(options.Whisper));
        }

        services.AddSingleton<SpeechRecognizer>();
        services.AddSingleton<FaceDetector>();
        services.AddSingleton<FaceRecognizer>();
        services.AddSingleton<Erasing.EraseTargetFinder>();
        services.AddSingleton<Analysis.TextTagger>();
        services.AddSingleton<Review.ContentReviewer>();
        services.AddSingleton<Review.ImageReviewer>();
        return services;
    }
}
