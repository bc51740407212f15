using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Field rules of watermark templates (reference/mps-api.md §13.6), executed on transcodes and screenshots
/// (docs/watermarks.md). The first invalid field is refused as <c>InvalidParameterValue.&lt;Field&gt;</c>.
/// </summary>
public static partial class WatermarkTemplateRules
{
    public const int MaxImageBytes = 2 * 1024 * 1024;
    public const int MaxTextLength = 100;

    /// <summary>Pixel sizes of an image watermark (spec: 8..4096 px).</summary>
    public const int MinImagePixels = 8;
    public const int MaxImagePixels = 4096;

    /// <summary>Largest font size in pixels (the spec sets none; this keeps a glyph inside an 8K frame).</summary>
    public const int MaxFontSize = 4096;

    public static readonly IReadOnlySet<string> Origins = new HashSet<string>(StringComparer.Ordinal) { "TopLeft", "TopRight", "BottomLeft", "BottomRight" };
    public static readonly IReadOnlySet<string> RepeatTypes = new HashSet<string>(StringComparer.Ordinal) { "once", "repeat_last_frame", "repeat" };

    [GeneratedRegex(@"^0x[0-9A-Fa-f]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Color();

    [GeneratedRegex(@"^(\d{1,4})px\z", RegexOptions.CultureInvariant)]
    private static partial Regex FontSize();

    public static void ValidateWatermark(WatermarkTemplate template) => ValidateWatermark(template, imageFromStore: false);

    /// <summary>The template rules; <paramref name="imageFromStore"/>: the picture is a store object (an inline RawParameter), not ImageContent.</summary>
    public static void ValidateWatermark(WatermarkTemplate template, bool imageFromStore)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (!Origins.Contains(template.CoordinateOrigin))
        {
            throw Refuse("CoordinateOrigin", "CoordinateOrigin must be TopLeft, TopRight, BottomLeft or BottomRight.");
        }

        RequireLength("XPos", template.XPos, svgUnits: false);
        RequireLength("YPos", template.YPos, svgUnits: false);
        switch (template.Type)
        {
            case "image":
                ValidateImage(template.ImageTemplate ?? throw new ApiException(ApiErrorCodes.MissingParameter, "ImageTemplate is required for Type image."), imageFromStore);
                break;
            case "text":
                ValidateText(template.TextTemplate ?? throw new ApiException(ApiErrorCodes.MissingParameter, "TextTemplate is required for Type text."));
                break;
            case "svg":
                var svg = template.SvgTemplate ?? new SvgWatermarkTemplate();
                RequireSize("Width", svg.Width, svgUnits: true, allowZero: false);
                RequireSize("Height", svg.Height, svgUnits: true, allowZero: true);
                break;
            case "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "Type is required (image, text or svg).");
            default:
                throw Refuse("Type", $"Type '{template.Type}' must be image, text or svg.");
        }
    }

    /// <summary>The decoded image of a template's ImageContent, or null when it is not a base64 PNG/JPEG/GIF within the size limit.</summary>
    public static byte[]? DecodeImage(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var length) || length is < 4 or > MaxImageBytes)
        {
            return null;
        }

        var bytes = buffer[..length];
        return IsPng(bytes) || IsJpeg(bytes) || IsGif(bytes) ? bytes : null;
    }

    /// <summary>A GIF (<c>GIF87a</c>/<c>GIF89a</c>): an animated watermark, played by its RepeatType.</summary>
    public static bool IsGif(ReadOnlySpan<byte> bytes) => bytes.Length >= 6 && bytes[..4].SequenceEqual("GIF8"u8) && bytes[5] == (byte)'a';

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    private static void ValidateImage(ImageWatermarkTemplate image, bool imageFromStore)
    {
        if (!imageFromStore && DecodeImage(image.ImageContent) is null)
        {
            throw Refuse("ImageContent", $"ImageContent must be a base64 PNG, JPEG or GIF of at most {MaxImageBytes} bytes.");
        }

        RequireSize("Width", image.Width, svgUnits: false, allowZero: false);
        RequireSize("Height", image.Height, svgUnits: false, allowZero: true);
        if (image.RepeatType is { } repeat && !RepeatTypes.Contains(repeat))
        {
            throw Refuse("RepeatType", "RepeatType must be once, repeat_last_frame or repeat.");
        }
    }

    private static void ValidateText(TextWatermarkTemplate text)
    {
        if (text.FontType is not ("simkai.ttf" or "arial.ttf"))
        {
            throw Refuse("FontType", "FontType must be simkai.ttf or arial.ttf.");
        }

        if (text.FontSize is null || FontSize().Match(text.FontSize) is not { Success: true } size
            || int.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > MaxFontSize)
        {
            throw Refuse("FontSize", $"FontSize '{text.FontSize}' must be 1..{MaxFontSize}px.");
        }

        if (text.FontColor is null || !Color().IsMatch(text.FontColor))
        {
            throw Refuse("FontColor", $"FontColor '{text.FontColor}' must be 0xRRGGBB.");
        }

        if (text.FontAlpha is not (> 0 and <= 1))
        {
            throw Refuse("FontAlpha", "FontAlpha must be in (0, 1].");
        }

        if (text.TextContent is { Length: > MaxTextLength })
        {
            throw Refuse("TextContent", $"TextContent is at most {MaxTextLength} characters.");
        }
    }

    /// <summary>The font size in pixels of a validated <c>"Npx"</c>.</summary>
    public static int FontSizePixels(string fontSize) =>
        int.Parse(FontSize().Match(fontSize).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static void RequireLength(string field, string? value, bool svgUnits)
    {
        if (!WatermarkLength.TryParse(value, svgUnits, out _))
        {
            throw Refuse(field, $"{field} '{value}' must be N% or Npx.");
        }
    }

    /// <summary>A size (absent = default): percent in (0, 100]; pixels 8..4096, or 0px where 0 keeps the aspect ratio.</summary>
    private static void RequireSize(string field, string? value, bool svgUnits, bool allowZero)
    {
        if (value is null)
        {
            return;
        }

        if (!WatermarkLength.TryParse(value, svgUnits, out var length))
        {
            throw Refuse(field, $"{field} '{value}' is not valid.");
        }

        var valid = length.IsPercent
            ? length.Value is > 0 and <= 100 || (allowZero && length.Value == 0)
            : length.Value is >= MinImagePixels and <= MaxImagePixels || (allowZero && length.Value == 0);
        if (!valid)
        {
            throw Refuse(field, $"{field} '{value}' must be a percentage in (0, 100] or {MinImagePixels}..{MaxImagePixels}px{(allowZero ? " (0px keeps the aspect ratio)" : "")}.");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
