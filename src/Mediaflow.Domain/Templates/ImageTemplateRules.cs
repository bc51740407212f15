using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Field rules of the image families (reference/mps-api.md §13.2–§13.5). Every value listed is produced by the snapshot
/// nodes; anything else is refused with <c>InvalidParameterValue.&lt;Field&gt;</c> (DESIGN §7.5).
/// </summary>
public static class ImageTemplateRules
{
    public static readonly IReadOnlySet<string> ImageFormats = new HashSet<string>(StringComparer.Ordinal) { "jpg", "png", "webp" };
    public static readonly IReadOnlySet<string> AnimatedFormats = new HashSet<string>(StringComparer.Ordinal) { "gif", "webp" };
    public static readonly IReadOnlySet<string> SnapshotFillTypes = new HashSet<string>(StringComparer.Ordinal) { "stretch", "black", "white", "gauss" };
    public static readonly IReadOnlySet<string> SpriteFillTypes = new HashSet<string>(StringComparer.Ordinal) { "stretch", "black" };

    public const long MinSide = 128;
    public const long MaxSide = 4096;

    /// <summary>Sprite thumbnails may be smaller than other images: the spec's own preset 10 has 142×80 thumbnails.</summary>
    public const long MinThumbnailSide = 16;

    public const long MaxSpriteCells = 100;

    public static void ValidateSnapshot(SnapshotByTimeOffsetTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        ValidateGeometry(template, MinSide, SnapshotFillTypes);
        ValidateFormat(template.Format, ImageFormats);
    }

    public static void ValidateSample(SampleSnapshotTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        ValidateSampling(template);
        ValidateGeometry(template, MinSide, SnapshotFillTypes);
        ValidateFormat(template.Format, ImageFormats);
    }

    public static void ValidateSprite(ImageSpriteTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        ValidateSampling(template);
        if (template.RowCount < 1)
        {
            throw Refuse("RowCount", "RowCount is required and must be at least 1.");
        }

        if (template.ColumnCount < 1)
        {
            throw Refuse("ColumnCount", "ColumnCount is required and must be at least 1.");
        }

        if (template.RowCount * template.ColumnCount > MaxSpriteCells)
        {
            throw Refuse("ColumnCount", $"RowCount × ColumnCount must be at most {MaxSpriteCells}.");
        }

        ValidateGeometry(template, MinThumbnailSide, SpriteFillTypes);
        ValidateFormat(template.Format, ImageFormats);
    }

    public static void ValidateAnimated(AnimatedGraphicsTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (template.Fps is < 1 or > 30)
        {
            throw Refuse("Fps", "Fps is required and must be 1..30.");
        }

        if (template.Quality is < 1 or > 100)
        {
            throw Refuse("Quality", "Quality must be 1..100.");
        }

        ValidateGeometry(template, MinSide, SnapshotFillTypes);
        ValidateFormat(template.Format, AnimatedFormats);
    }

    private static void ValidateSampling(ISampling sampling)
    {
        switch (sampling.SampleType)
        {
            case "Percent" when sampling.SampleInterval is < 1 or > 100:
                throw Refuse("SampleInterval", "SampleInterval must be 1..100 (percent) for SampleType Percent.");
            case "Time" when sampling.SampleInterval is < 1 or > 86400:
                throw Refuse("SampleInterval", "SampleInterval must be 1..86400 (seconds) for SampleType Time.");
            case "Percent" or "Time":
                return;
            case "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "SampleType is required (Percent or Time).");
            default:
                throw Refuse("SampleType", $"SampleType '{sampling.SampleType}' must be Percent or Time.");
        }
    }

    private static void ValidateGeometry(IImageGeometry geometry, long minSide, IReadOnlySet<string> fillTypes)
    {
        ValidateSide("Width", geometry.Width, minSide);
        ValidateSide("Height", geometry.Height, minSide);
        if (geometry.ResolutionAdaptive is not ("open" or "close"))
        {
            throw Refuse("ResolutionAdaptive", "ResolutionAdaptive must be open or close.");
        }

        if (!fillTypes.Contains(geometry.FillType))
        {
            throw Refuse("FillType", $"FillType '{geometry.FillType}' is not supported here; use one of {string.Join(", ", fillTypes)}.");
        }
    }

    private static void ValidateSide(string field, long value, long minSide)
    {
        if (value != 0 && (value < minSide || value > MaxSide))
        {
            throw Refuse(field, $"{field} must be 0 (source) or {minSide}..{MaxSide}.");
        }
    }

    private static void ValidateFormat(string format, IReadOnlySet<string> formats)
    {
        if (!formats.Contains(format))
        {
            throw Refuse("Format", $"Format '{format}' must be one of {string.Join(", ", formats)}.");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
