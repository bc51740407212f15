namespace Mediaflow.Domain.Ai;

/// <summary>
/// The review labels and the switches each has (SDK <c>PornConfigureInfo</c> … : Terrorism has no ASR switch,
/// Prohibited no picture switch), with the spec's default thresholds per switch (Block, Review): picture Porn 90/0,
/// Terrorism 90/80, Political 97/95; every text switch 100/75.
/// </summary>
public static class ContentReviewLabels
{
    public const string Porn = "Porn";
    public const string Terrorism = "Terrorism";
    public const string Political = "Political";
    public const string Prohibited = "Prohibited";

    public static readonly IReadOnlyList<string> Names = [Porn, Terrorism, Political, Prohibited];

    private static readonly Dictionary<(string Label, ReviewSource Source), (double Block, double Review)> Defaults = new()
    {
        [(Porn, ReviewSource.Img)] = (90, 0),
        [(Porn, ReviewSource.Asr)] = (100, 75),
        [(Porn, ReviewSource.Ocr)] = (100, 75),
        [(Terrorism, ReviewSource.Img)] = (90, 80),
        [(Terrorism, ReviewSource.Ocr)] = (100, 75),
        [(Political, ReviewSource.Img)] = (97, 95),
        [(Political, ReviewSource.Asr)] = (100, 75),
        [(Political, ReviewSource.Ocr)] = (100, 75),
        [(Prohibited, ReviewSource.Asr)] = (100, 75),
        [(Prohibited, ReviewSource.Ocr)] = (100, 75),
    };

    /// <summary>The result order of the spec's <c>AiContentReviewResult.Type</c> list: pictures, then text by label.</summary>
    private static readonly (string Label, ReviewSource Source)[] Order =
    [
        (Porn, ReviewSource.Img), (Terrorism, ReviewSource.Img), (Political, ReviewSource.Img),
        (Porn, ReviewSource.Asr), (Porn, ReviewSource.Ocr), (Political, ReviewSource.Asr), (Political, ReviewSource.Ocr),
        (Terrorism, ReviewSource.Ocr), (Prohibited, ReviewSource.Asr), (Prohibited, ReviewSource.Ocr),
    ];

    public static bool Has(string label, ReviewSource source) => Defaults.ContainsKey((label, source));

    public static ContentReviewConfigure? Configure(ContentReviewTemplate template, string label)
    {
        ArgumentNullException.ThrowIfNull(template);
        return label switch
        {
            Porn => template.PornConfigure,
            Terrorism => template.TerrorismConfigure,
            Political => template.PoliticalConfigure,
            Prohibited => template.ProhibitedConfigure,
            _ => null,
        };
    }

    public static ReviewSwitchInfo? Switch(ContentReviewConfigure? configure, ReviewSource source) => source switch
    {
        ReviewSource.Img => configure?.ImgReviewInfo,
        ReviewSource.Asr => configure?.AsrReviewInfo,
        _ => configure?.OcrReviewInfo,
    };

    /// <summary>The switches that are ON, in result order, with their effective thresholds.</summary>
    public static IReadOnlyList<ReviewCheck> Checks(ContentReviewTemplate template) =>
    [
        .. Order.Select(key => (key, info: Switch(Configure(template, key.Label), key.Source)))
            .Where(x => x.info is { IsOn: true })
            .Select(x => new ReviewCheck(x.key.Label, x.key.Source,
                x.info!.BlockConfidence ?? Defaults[x.key].Block, x.info.ReviewConfidence ?? Defaults[x.key].Review, x.info.LabelSet ?? [])),
    ];
}
