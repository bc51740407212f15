using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>What every template-driven node input shares: the template, where its outputs go, and the refused extras.</summary>
public interface INodeTaskInput
{
    long? Definition { get; }
    TaskOutputStorage? OutputStorage { get; }
    string? OutputObjectPath { get; }

    /// <summary>Members of the spec this build does not implement (WatermarkSet, ExtInfo …): refused by name while present.</summary>
    Dictionary<string, JsonElement>? NotYetSupported { get; }
}
