namespace Mediaflow.Domain.Templates;

/// <summary>How much of the media a quality-control run inspects (spec §13.8): all of it, or <c>TimeSpotCheck</c> windows.</summary>
public sealed record QualityControlStrategy
{
    public string? StrategyType { get; init; }
    public TimeSpotCheck? TimeSpotCheck { get; init; }
}
