using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// The part of a template's <c>SubtitleTemplate</c> (reference/mps-api.md §13.1, burn-in) this build implements: a
/// subtitle track of the source (<see cref="StreamIndex"/>, among its subtitle streams) rendered into the picture by
/// libass, with the font family, size, colour and opacity. <see cref="Parse"/> refuses every other member that asks for
/// something, naming it (<c>InvalidParameterValue.&lt;Member&gt;</c>).
/// </summary>
public sealed partial record SubtitleBurnIn
{
    /// <summary>fontconfig family of the default FontType <c>hei.ttf</c>: WenQuanYi Zen Hei (Debian <c>fonts-wqy-zenhei</c>), which covers Latin and CJK.</summary>
    public const string CjkFamily = "WenQuanYi Zen Hei";

    /// <summary>fontconfig family for Latin fonts (<c>arial.ttf</c>): DejaVu Sans (Debian <c>fonts-dejavu-core</c>).</summary>
    public const string LatinFamily = "DejaVu Sans";

    /// <summary>FontType → installed family. The Chinese faces all map to the one CJK font the image ships.</summary>
    public static readonly IReadOnlyDictionary<string, string> FontFamilies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hei.ttf"] = CjkFamily,
        ["song.ttf"] = CjkFamily,
        ["kai.ttf"] = CjkFamily,
        ["msyh.ttf"] = CjkFamily,
        ["simkai.ttf"] = CjkFamily,
        ["arial.ttf"] = LatinFamily,
    };

    private static readonly HashSet<string> Implemented = new(StringComparer.Ordinal)
    {
        "StreamIndex", "SubtitleFileInput", "FontType", "FontSize", "FontColor", "FontAlpha",
    };

    /// <summary>Index among the subtitle streams of the source, or of <see cref="File"/> when given (0 = the first).</summary>
    public long StreamIndex { get; init; }

    /// <summary>SubtitleFileInput: a subtitle file (SRT, WebVTT, ASS) in this server's store; null = the source's own track.</summary>
    public Orchestrations.CosInputInfo? File { get; init; }

    public string FontFamily { get; init; } = CjkFamily;

    /// <summary>Text height in output pixels, or null with <see cref="FontSizePercent"/>.</summary>
    public long? FontSizePixels { get; init; }

    /// <summary>Text height as a percentage of the output height (default 5).</summary>
    public double? FontSizePercent { get; init; }

    /// <summary>0xRRGGBB (default white).</summary>
    public int FontColor { get; init; } = 0xFFFFFF;

    /// <summary>Opacity (0, 1]; 1 = opaque.</summary>
    public double FontAlpha { get; init; } = 1;

    /// <summary>Null when <paramref name="element"/> asks for nothing (null, <c>{}</c>); else the burn-in, or a refusal.</summary>
    public static SubtitleBurnIn? Parse(JsonElement? element)
    {
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Refuse("SubtitleTemplate", "SubtitleTemplate must be an object.");
        }

        if (!e.EnumerateObject().Any())
        {
            return null;
        }

        foreach (var member in e.EnumerateObject())
        {
            if (!Implemented.Contains(member.Name) && AsksForSomething(member.Value))
            {
                throw Refuse(member.Name, $"SubtitleTemplate.{member.Name} is not implemented by this server; implemented: burning a subtitle track of the source (StreamIndex) with FontType, FontSize, FontColor, FontAlpha.");
            }
        }

        var file = SubtitleFile(e);
        long streamIndex = 0;
        var hasIndex = e.TryGetProperty(nameof(StreamIndex), out var index) && index.ValueKind != JsonValueKind.Null;
        if ((hasIndex || file is null)
            && (!hasIndex || index.ValueKind != JsonValueKind.Number || !index.TryGetInt64(out streamIndex) || streamIndex is < 0 or > 99))
        {
            throw Refuse("StreamIndex", "SubtitleTemplate needs SubtitleFileInput or StreamIndex 0..99 (the source's subtitle track to burn in).");
        }

        var burnIn = new SubtitleBurnIn { StreamIndex = streamIndex, File = file };
        if (Text(e, "FontType") is { Length: > 0 } fontType)
        {
            burnIn = burnIn with
            {
                FontFamily = FontFamilies.TryGetValue(fontType, out var family)
                    ? family
                    : throw Refuse("FontType", $"FontType '{fontType}' is not available; available: {string.Join(", ", FontFamilies.Keys)}."),
            };
        }

        if (Text(e, "FontSize") is { Length: > 0 } size)
        {
            var match = SizePattern().Match(size);
            var value = match.Success ? double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
            burnIn = !match.Success || value <= 0 || (match.Groups["unit"].Value == "%" ? value > 100 : value > 4096)
                ? throw Refuse("FontSize", $"FontSize '{size}' must be Npx (1..4096) or N% (of the video height, up to 100).")
                : match.Groups["unit"].Value == "%"
                    ? burnIn with { FontSizePercent = value }
                    : burnIn with { FontSizePixels = (long)value };
        }

        if (Text(e, "FontColor") is { Length: > 0 } color)
        {
            burnIn = burnIn with
            {
                FontColor = ColorPattern().IsMatch(color)
                    ? int.Parse(color.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : throw Refuse("FontColor", $"FontColor '{color}' must be 0xRRGGBB."),
            };
        }

        if (e.TryGetProperty(nameof(FontAlpha), out var alpha) && alpha.ValueKind != JsonValueKind.Null)
        {
            burnIn = burnIn with
            {
                FontAlpha = alpha.ValueKind == JsonValueKind.Number && alpha.GetDouble() is > 0 and <= 1 and var a
                    ? a
                    : throw Refuse("FontAlpha", "FontAlpha must be in (0, 1]."),
            };
        }

        return burnIn;
    }

    /// <summary>SubtitleFileInput as a store object (Type COS with Bucket, Region, Object), or null when absent.</summary>
    private static Orchestrations.CosInputInfo? SubtitleFile(JsonElement e)
    {
        if (!e.TryGetProperty("SubtitleFileInput", out var input) || !AsksForSomething(input))
        {
            return null;
        }

        var info = input.ValueKind == JsonValueKind.Object ? input.Deserialize<Orchestrations.MediaInputInfo>() : null;
        return info is { Type: "COS", CosInputInfo: { Bucket: { Length: > 0 }, Region: { Length: > 0 } } cos } && cos.Key.Length > 0
            ? cos
            : throw Refuse("SubtitleFileInput", "SubtitleFileInput must be Type COS with CosInputInfo Bucket, Region and Object (an object of this server's store).");
    }

    private static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw Refuse(name, $"SubtitleTemplate.{name} must be a string.");

    private static bool AsksForSomething(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString() is { Length: > 0 },
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => true,
    };

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);

    [GeneratedRegex("^(?<n>[0-9]+(\\.[0-9]+)?)(?<unit>px|%)$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex("^0x[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
