using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>A task's source (reference/mps-api.md §8). Only COS inputs are accepted until the SSRF guard exists (DESIGN §7.6).</summary>
public sealed record MediaInputInfo
{
    public string? Type { get; init; }
    public CosInputInfo? CosInputInfo { get; init; }
    public JsonElement? UrlInputInfo { get; init; }
    public JsonElement? S3InputInfo { get; init; }
    public JsonElement? VODInputInfo { get; init; }
}

public sealed record CosInputInfo
{
    public string? Bucket { get; init; }
    public string? Region { get; init; }

    /// <summary>The object key with a leading '/', e.g. <c>/movie/a.mov</c> (wire name, hence the CA1720 exception).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Wire field name of CosInputInfo.")]
    public string? Object { get; init; }

    public string Key => (Object ?? "").TrimStart('/');
}
