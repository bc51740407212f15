namespace Mediaflow.Domain.Templates;

/// <summary>Voice/background separation (Type <c>normal</c>/<c>music</c>, Track <c>vocal</c>/<c>background</c>). Refused: see docs/enhancement.md.</summary>
public sealed record AudioSeparateConfig
{
    public string? Switch { get; init; }
    public string? Type { get; init; }
    public string? Track { get; init; }
}
