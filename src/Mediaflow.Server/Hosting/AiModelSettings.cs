using Mediaflow.Domain.Ai;
using Microsoft.Extensions.Configuration;

namespace Mediaflow.Server.Hosting;

/// <summary>The configured ONNX models: section <c>Ai:Models</c>, one child per <see cref="AiModelNames"/> name (docs/media-ai-analysis.md).</summary>
public static class AiModelSettings
{
    public static AiModels From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var models = configuration.GetSection("Ai:Models").Get<Dictionary<string, AiModelConfig>>() ?? [];
        return new AiModels(models);
    }
}
