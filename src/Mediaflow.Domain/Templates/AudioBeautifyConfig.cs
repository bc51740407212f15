namespace Mediaflow.Domain.Templates;

/// <summary>Audio beautification: Types any of <c>declick</c> (default), <c>deesser</c>.</summary>
public sealed record AudioBeautifyConfig
{
    public string? Switch { get; init; }
    public IReadOnlyList<string>? Types { get; init; }
}
