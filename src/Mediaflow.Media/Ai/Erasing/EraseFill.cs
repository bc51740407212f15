namespace Mediaflow.Media.Ai.Erasing;

/// <summary>How an area is removed: interpolated from its border (<c>delogo</c>), blurred (<c>gblur</c>) or pixelized (<c>pixelize</c>).</summary>
public enum EraseFill
{
    Delogo,
    Blur,
    Mosaic,
}
