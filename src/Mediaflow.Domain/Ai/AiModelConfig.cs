namespace Mediaflow.Domain.Ai;

/// <summary>One configured model: the ONNX file and the labels file (one label per line, in output order).</summary>
public sealed record AiModelConfig
{
    public string Path { get; init; } = "";
    public string Labels { get; init; } = "";

    /// <summary>Frames sampled per second for the model (default 1).</summary>
    public double SampleRate { get; init; } = 1;

    /// <summary>Scores below this (0–1) are not reported (default 0.5).</summary>
    public double MinScore { get; init; } = 0.5;
}

/// <summary>The models configured on this server, by <see cref="AiModelNames"/> name.</summary>
public sealed record AiModels(IReadOnlyDictionary<string, AiModelConfig> Configured)
{
    public static readonly AiModels None = new(new Dictionary<string, AiModelConfig>());

    public bool Has(string name) => Configured.TryGetValue(name, out var model) && !string.IsNullOrWhiteSpace(model.Path);

    public AiModelConfig? Find(string name) => Has(name) ? Configured[name] : null;
}
