using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Output object paths and their variables (reference/mps-api.md §8). Keys are returned without the leading '/',
/// wire paths (<c>Path</c> in results) with it.
/// </summary>
public static partial class OutputPaths
{
    public const string TranscodePattern = "{inputName}_transcode_{definition}.{format}";
    public const string TranscodeSegmentPattern = "{inputName}_transcode_{definition}_{number}.{format}";
    public const string AnimatedGraphicPattern = "{inputName}_animatedGraphic_{definition}.{format}";
    public const string SnapshotByTimeOffsetPattern = "{inputName}_snapshotByTimeOffset_{definition}_{number}.{format}";
    public const string SampleSnapshotPattern = "{inputName}_sampleSnapshot_{definition}_{number}.{format}";
    public const string ImageSpritePattern = "{inputName}_imageSprite_{definition}_{number}.{format}";
    public const string ImageSpriteWebVttPattern = "{inputName}_imageSprite_{definition}.{format}";
    public const string AdaptivePattern = "{inputName}_adaptiveDynamicStreaming_{definition}.{format}";
    public const string AdaptiveSubStreamPattern = "{inputName}_adaptiveDynamicStreaming_{definition}_{subStreamNumber}.{format}";
    public const string AdaptiveSegmentPattern = "{inputName}_adaptiveDynamicStreaming_{definition}_{subStreamNumber}_{segmentNumber}.{format}";

    /// <summary>The output directory as <c>/a/b/</c>: the configured OutputDir, else the input object's directory.</summary>
    public static string Directory(string? outputDir, string inputKey)
    {
        ArgumentNullException.ThrowIfNull(inputKey);
        if (!string.IsNullOrEmpty(outputDir))
        {
            return outputDir;
        }

        var slash = inputKey.LastIndexOf('/');
        return slash < 0 ? "/" : "/" + inputKey[..(slash + 1)];
    }

    /// <summary>The object key of a node's main output: an absolute OutputObjectPath, or a relative one (or the default pattern) under the directory.</summary>
    public static string ObjectKey(string directory, string? outputObjectPath, string defaultPattern, OutputPathVariables variables)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(variables);
        var pattern = string.IsNullOrEmpty(outputObjectPath) ? defaultPattern : outputObjectPath;
        var rendered = Render(pattern, variables);
        var full = rendered.StartsWith('/') ? rendered : directory.TrimEnd('/') + "/" + rendered;
        return full.TrimStart('/');
    }

    public static string Render(string pattern, OutputPathVariables variables)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(variables);
        // One pass over the pattern: a substituted value (e.g. an input named "a{number}.mov") is never expanded again.
        return Variable().Replace(pattern, match => match.Groups[1].Value switch
        {
            "inputName" => variables.InputName,
            "inputFormat" => variables.InputFormat,
            "format" => variables.Format,
            "definition" => variables.Definition.ToString(CultureInfo.InvariantCulture),
            "subStreamNumber" => variables.SubStreamNumber ?? "",
            "segmentNumber" => variables.SegmentNumber ?? "",
            _ => variables.Number ?? "",
        });
    }

    [GeneratedRegex(@"\{(inputName|inputFormat|format|definition|number|subStreamNumber|segmentNumber)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    public static string WirePath(string key) => "/" + key;
}

/// <summary>Values of the output path variables for one output file.</summary>
public sealed record OutputPathVariables(string InputName, string InputFormat, string Format, long Definition, string? Number = null)
{
    /// <summary>Adaptive streams: <c>{subStreamNumber}</c> and <c>{segmentNumber}</c>.</summary>
    public string? SubStreamNumber { get; init; }

    public string? SegmentNumber { get; init; }

    public static OutputPathVariables ForInput(string inputKey, string format, long definition)
    {
        ArgumentNullException.ThrowIfNull(inputKey);
        var fileName = inputKey[(inputKey.LastIndexOf('/') + 1)..];
        var dot = fileName.LastIndexOf('.');
        return dot > 0
            ? new OutputPathVariables(fileName[..dot], fileName[(dot + 1)..], format, definition)
            : new OutputPathVariables(fileName, "", format, definition);
    }
}
