using System.Text;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Processes;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// Writes what a node's watermarks read into the attempt's work directory: an image template's PNG/JPEG/GIF (decoded from
/// ImageContent; a RawParameter's picture is read in place from its store object), the text of a text template (the node's TextContent, else the template's), and an svg template's
/// body (WatermarkInput.SvgContent) rasterized to PNG by <c>rsvg-convert</c> (Debian's ffmpeg has no librsvg). The SVG
/// is written alone in its own directory: librsvg loads referenced files only from beside it, so it can read nothing
/// else. Failures are <see cref="MediaFailure"/>s (a bad SVG is permanent).
/// </summary>
public sealed class WatermarkPreparer(MediaProcessRunner runner, MediaOptions options)
{
    /// <summary>SVGs are rasterized to fit this box (aspect kept); the graph scales the PNG to the template's size.</summary>
    public const int SvgRasterBox = 1024;

    public static readonly TimeSpan SvgTimeout = TimeSpan.FromSeconds(60);

    public async Task<VideoMarks> PrepareAsync(
        IReadOnlyList<WatermarkRequest> watermarks, IReadOnlyList<MosaicInput> mosaics, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watermarks);
        ArgumentNullException.ThrowIfNull(mosaics);
        if (watermarks.Count == 0)
        {
            return new VideoMarks { Mosaics = mosaics };
        }

        var directory = Path.Combine(Path.GetFullPath(workDirectory), "watermarks");
        Directory.CreateDirectory(directory);
        var layers = new List<WatermarkLayer>();
        for (var k = 0; k < watermarks.Count; k++)
        {
            var (input, template) = watermarks[k];
            var layer = new WatermarkLayer { Template = template, StartTimeOffset = input.StartTimeOffset ?? 0, EndTimeOffset = input.EndTimeOffset ?? 0 };
            layers.Add(template.Type switch
            {
                "image" when watermarks[k].ImageFile is { } file => await FileAsync(layer, file, cancellationToken),
                "image" => await ImageAsync(layer, directory, k, cancellationToken),
                "text" => await TextAsync(layer, input, directory, k, cancellationToken),
                "svg" => await SvgAsync(layer, input, directory, k, cancellationToken),
                _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"watermark type '{template.Type}' is not known"),
            });
        }

        return new VideoMarks { Watermarks = layers, Mosaics = mosaics };
    }

    private static async Task<WatermarkLayer> ImageAsync(WatermarkLayer layer, string directory, int k, CancellationToken cancellationToken)
    {
        var bytes = WatermarkTemplateRules.DecodeImage(layer.Template.ImageTemplate?.ImageContent)
            ?? throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"watermark template {layer.Template.Definition} has no PNG/JPEG/GIF image");
        var (format, animated) = WatermarkPictures.Sniff(bytes);
        var path = Path.Combine(directory, $"image_{k}.{format switch { "gif" => "gif", "jpeg_pipe" => "jpg", _ => "png" }}");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return layer with { ImagePath = path, ImageFormat = format, Animated = animated };
    }

    /// <summary>A picture that is a file (a RawParameter's store object): sniffed, read in place.</summary>
    private async Task<WatermarkLayer> FileAsync(WatermarkLayer layer, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        var head = new byte[SniffBytes];
        int read;
        await using (var stream = File.OpenRead(path))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read == 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "the watermark's ImageContent object is empty");
        }

        var (format, animated) = WatermarkPictures.Sniff(head.AsSpan(0, read));
        return layer with { ImagePath = path, ImageFormat = format, Animated = animated, VideoFormats = options.SourceFormats };
    }

    /// <summary>Bytes read to tell a picture file's kind (an APNG's acTL chunk comes before its first frame).</summary>
    private const int SniffBytes = 64 * 1024;

    private async Task<WatermarkLayer> TextAsync(WatermarkLayer layer, WatermarkInput input, string directory, int k, CancellationToken cancellationToken)
    {
        var text = input.TextContent ?? layer.Template.TextTemplate?.TextContent ?? "";
        var path = Path.Combine(directory, $"text_{k}.txt");
        if (path.Any(c => char.IsWhiteSpace(c) || c is ':' or ',' or ';' or '[' or ']' or '\'' or '\\' or '=' or '"'))
        {
            // drawtext reads the file by a path inside the filter graph, where these characters would need escaping.
            throw MediaFailure.Internal($"the work directory '{directory}' cannot be named in a filter graph (text watermarks need a plain path)");
        }

        await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        var font = layer.Template.TextTemplate?.FontType == "simkai.ttf" ? options.CjkFontFile : options.LatinFontFile;
        return layer with { TextPath = path, FontFile = font };
    }

    private async Task<WatermarkLayer> SvgAsync(WatermarkLayer layer, WatermarkInput input, string directory, int k, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.SvgContent))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"watermark template {layer.Template.Definition} is an svg template and the node gave no SvgContent");
        }

        var own = Path.Combine(directory, $"svg_{k}");
        Directory.CreateDirectory(own);
        var source = Path.Combine(own, "watermark.svg");
        var output = Path.Combine(directory, $"svg_{k}.png");
        await File.WriteAllTextAsync(source, input.SvgContent, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        var box = SvgRasterBox.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = await runner.RunAsync(new ProcessRunRequest
        {
            Program = options.RsvgConvertPath,
            Arguments = ["--width", box, "--height", box, "--keep-aspect-ratio", "--format", "png", "--output", output, source],
            Timeout = SvgTimeout,
        }, cancellationToken);
        if (run.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                $"SvgContent of watermark {k} could not be rendered: {string.Join(' ', run.LogTail.TakeLast(3))}", run.CommandLine, run.LogTail);
        }

        return layer with { ImagePath = output, ImageFormat = "png_pipe" };
    }
}
