namespace Mediaflow.Domain.Templates;

/// <summary>The size fields the image families share: Width/Height (0 or 128..4096), ResolutionAdaptive, FillType.</summary>
public interface IImageGeometry
{
    long Width { get; }
    long Height { get; }
    string ResolutionAdaptive { get; }
    string FillType { get; }
}
