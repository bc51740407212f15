using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Rules of a node's <c>WatermarkSet</c> and <c>MosaicSet</c> (reference/mps-api.md §10); errors start with
/// <c>Activities[i]: </c> and name the field. What depends on the template (an svg template needs SvgContent, a text
/// template a text) is checked once the template is known: <see cref="ValidateAgainstTemplate"/>.
/// </summary>
public static class WatermarkTaskRules
{
    public const int MaxWatermarks = 10;
    public const int MaxMosaics = 10;
    public const int MaxSvgContent = 2_000_000;

    /// <summary>The watermarks a node asks for (transcode, the two screenshot nodes and the adaptive node carry a WatermarkSet).</summary>
    public static IReadOnlyList<WatermarkInput> WatermarksOf(ActivityPara? para) =>
        para?.TranscodeTask?.WatermarkSet ?? para?.SnapshotByTimeOffsetTask?.WatermarkSet ?? para?.SampleSnapshotTask?.WatermarkSet
        ?? para?.AdaptiveDynamicStreamingTask?.WatermarkSet ?? [];

    /// <summary>
    /// The node's WatermarkSet. Definition 0 with a <see cref="RawWatermarkParameter"/> (an inline image watermark whose
    /// picture is a store object) is accepted on every node that carries a WatermarkSet, validated by the image template
    /// rules (same error names).
    /// </summary>
    public static void ValidateWatermarks(int index, string member, IReadOnlyList<WatermarkInput>? set, bool screenshot)
    {
        if (set is null)
        {
            return;
        }

        if (set.Count > MaxWatermarks)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("WatermarkSet"), $"Activities[{index}]: {member}.WatermarkSet has at most {MaxWatermarks} watermarks");
        }

        for (var k = 0; k < set.Count; k++)
        {
            var at = $"Activities[{index}]: {member}.WatermarkSet[{k}]";
            var watermark = set[k] ?? throw new ApiException(ApiErrorCodes.MissingParameter, $"{at} is null");
            if (watermark.Definition is null)
            {
                throw new ApiException(ApiErrorCodes.MissingParameter, $"{at}.Definition is required");
            }

            if (watermark.Definition != 0 && watermark.RawParameter is not null)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("RawParameter"), $"{at}.RawParameter is used only with Definition 0");
            }

            if (watermark.Definition == 0)
            {
                ValidateRaw(at, watermark.RawParameter);
            }

            if (watermark.Definition < 0)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"{at}.Definition must be a watermark template");
            }

            if (watermark.TextContent is not null && screenshot)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("TextContent"), $"{at}.TextContent is not for screenshots");
            }

            if (watermark.TextContent is { Length: > WatermarkTemplateRules.MaxTextLength })
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("TextContent"), $"{at}.TextContent is at most {WatermarkTemplateRules.MaxTextLength} characters");
            }

            if (watermark.SvgContent is { Length: > MaxSvgContent })
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("SvgContent"), $"{at}.SvgContent is at most {MaxSvgContent} characters");
            }

            RequireOffsets(at, watermark.StartTimeOffset, watermark.EndTimeOffset);
        }
    }

    public static void ValidateMosaics(int index, IReadOnlyList<MosaicInput>? set)
    {
        if (set is null)
        {
            return;
        }

        if (set.Count > MaxMosaics)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("MosaicSet"), $"Activities[{index}]: TranscodeTask.MosaicSet has at most {MaxMosaics} regions");
        }

        for (var k = 0; k < set.Count; k++)
        {
            var at = $"Activities[{index}]: TranscodeTask.MosaicSet[{k}]";
            var mosaic = set[k] ?? throw new ApiException(ApiErrorCodes.MissingParameter, $"{at} is null");
            if (mosaic.CoordinateOrigin is not (null or "TopLeft"))
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("CoordinateOrigin"), $"{at}.CoordinateOrigin must be TopLeft");
            }

            foreach (var (field, value) in new[] { ("XPos", mosaic.XPos), ("YPos", mosaic.YPos), ("Width", mosaic.Width), ("Height", mosaic.Height) })
            {
                if (value is not null && (!WatermarkLength.TryParse(value, svgUnits: false, out var length)
                    || (field is "Width" or "Height" && length.Value <= 0) || (length.IsPercent && length.Value > 100)))
                {
                    throw new ApiException(ApiErrorCodes.InvalidValue(field), $"{at}.{field} '{value}' must be N% (0..100) or Npx{(field is "Width" or "Height" ? ", above 0" : "")}");
                }
            }

            RequireOffsets(at, mosaic.StartTimeOffset, mosaic.EndTimeOffset);
        }
    }

    private static void ValidateRaw(string at, RawWatermarkParameter? raw)
    {
        if (raw is null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("RawParameter"), $"{at}: Definition 0 needs RawParameter (an inline image watermark)");
        }

        if (raw.Type != "image")
        {
            throw new ApiException(raw.Type is null ? ApiErrorCodes.MissingParameter : ApiErrorCodes.InvalidValue("Type"), $"{at}.RawParameter.Type must be image");
        }

        if (raw.ImageTemplate?.ImageContent is not { Type: "COS", CosInputInfo: { Bucket.Length: > 0, Region.Length: > 0, Object.Length: > 0 } })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ImageContent"), $"{at}.RawParameter.ImageTemplate.ImageContent must be a COS object (Bucket, Region, Object) of the account");
        }

        try
        {
            WatermarkTemplateRules.ValidateWatermark(raw.ToTemplate(), imageFromStore: true);
        }
        catch (ApiException exception)
        {
            throw new ApiException(exception.Code, $"{at}.RawParameter: {exception.Message}");
        }
    }

    /// <summary>Checks a watermark against its resolved template: the svg body or the text must be there.</summary>
    public static void ValidateAgainstTemplate(int index, WatermarkInput watermark, WatermarkTemplate template)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        ArgumentNullException.ThrowIfNull(template);
        var at = $"Activities[{index}]: watermark {template.Definition}";
        switch (template.Type)
        {
            case "svg" when string.IsNullOrWhiteSpace(watermark.SvgContent):
                throw new ApiException(ApiErrorCodes.MissingParameter, $"{at} is an svg template: WatermarkInput.SvgContent (the SVG body) is required");
            case "text" when string.IsNullOrEmpty(watermark.TextContent ?? template.TextTemplate?.TextContent):
                throw new ApiException(ApiErrorCodes.InvalidValue("TextContent"), $"{at} is a text template without TextContent: give WatermarkInput.TextContent");
        }
    }

    private static void RequireOffsets(string at, double? start, double? end)
    {
        if (start is { } s && !double.IsFinite(s))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("StartTimeOffset"), $"{at}.StartTimeOffset must be a number of seconds");
        }

        if (end is { } e && !double.IsFinite(e))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("EndTimeOffset"), $"{at}.EndTimeOffset must be a number of seconds");
        }

        if (start is > 0 && end is > 0 && end <= start)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("EndTimeOffset"), $"{at}.EndTimeOffset must be after StartTimeOffset");
        }
    }
}
