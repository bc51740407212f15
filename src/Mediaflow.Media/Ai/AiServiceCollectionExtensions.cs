using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>Registers the media-AI engines (OCR, speech) over the FFmpeg layer's process runner.</summary>
    public static IServiceCollection AddMediaflowAi(this IServiceCollection services, AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<AiRunner>();
        services.AddSingleton<TextRecognizer>();
        services.AddSingleton<SpeechRecognizer>();
        services.AddSingleton<FaceDetector>();
        services.AddSingleton<FaceRecognizer>();
        services.AddSingleton<Erasing.EraseTargetFinder>();
        services.AddSingleton<Analysis.TextTagger>();
        services.AddSingleton<Review.ContentReviewer>();
        return services;
    }
}
