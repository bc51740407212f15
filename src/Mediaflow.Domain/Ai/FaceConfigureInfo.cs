using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>Face recognition switch (<c>FaceConfigureInfo</c>): the account's person samples are the library.</summary>
public sealed record FaceConfigureInfo
{
    public string Switch { get; init; } = AiSwitch.Off;

    /// <summary>Confidence (0–100) a match needs to be reported; 95 by default as in the spec.</summary>
    public double Score { get; init; } = 95;

    public IReadOnlyList<string>? DefaultLibraryLabelSet { get; init; }

    /// <summary>Only person samples carrying one of these tags are matched (all when empty).</summary>
    public IReadOnlyList<string>? UserDefineLibraryLabelSet { get; init; }

    /// <summary><c>UserDefine</c> (the account's person samples); <c>Default</c>/<c>All</c> need a public-figure library we do not ship.</summary>
    public string FaceLibrary { get; init; } = "UserDefine";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
