using Mediaflow.Domain.Templates;
using Mediaflow.Domain.Tests.Orchestrations;

namespace Mediaflow.Domain.Tests.Templates;

/// <summary>Quality-control template rules (reference/mps-api.md §13.8, DESIGN §7.5) against a given detectable set.</summary>
public class QualityControlTemplateRulesTests
{
    private static readonly HashSet<string> Detectable = new(StringComparer.Ordinal) { "SSIM", "PSNR", "Blur", "DtsJitter" };

    private static QualityControlTemplate Template(params QualityControlItemConfig[] items) => new() { Name = "qc", QualityControlItemSet = items };

    private static QualityControlItemConfig Item(string type, string? on = null) => new() { Type = type, Switch = on };

    private static void Validate(QualityControlTemplate template) => QualityControlTemplateRules.Validate(template, Detectable);

    [Fact]
    public void Validate_EveryFieldInRange_Accepted() => Validate(Template(
        new QualityControlItemConfig { Type = "Blur", Switch = "ON", Sampling = "Time", IntervalTime = 500, Duration = 1000, Threshold = "anything" },
        new QualityControlItemConfig { Type = "SSIM", Threshold = "0.97" },
        new QualityControlItemConfig { Type = "AppletCode", Switch = "OFF" }) with
    {
        Strategy = new QualityControlStrategy
        {
            StrategyType = "TimeSpotCheck",
            TimeSpotCheck = new TimeSpotCheck { CheckDuration = 10, CheckInterval = 3600, SkipDuration = 1, CirclesNumber = 1000 },
        },
    });

    [Fact]
    public void Validate_UnknownType_RefusedNamingIt()
    {
        var error = Refusal.Expect("InvalidParameterValue.Type", () => Validate(Template(Item("Blur"), Item("Sharpness"))));
        Assert.Contains("Sharpness", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KnownItemNobodyDetectsSwitchedOn_RefusedNamingIt()
    {
        var error = Refusal.Expect("InvalidParameterValue", () => Validate(Template(Item("Blur"), Item("AppletCode", "ON"))));
        Assert.Contains("AppletCode", error.Message, StringComparison.Ordinal);
        Assert.Contains("QualityControlItemSet[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndetectableItemSwitchedOff_Accepted() => Validate(Template(Item("Blur"), Item("AppletCode", "OFF")));

    [Fact]
    public void Validate_NothingSwitchedOn_EmptyDetectItem() =>
        Refusal.Expect("InvalidParameterValue.EmptyDetectItem", () => Validate(Template(Item("Blur", "OFF"), Item("SSIM", "OFF"))));

    [Fact]
    public void Validate_NoItemsOrNoName_MissingParameter()
    {
        Refusal.Expect("MissingParameter", () => Validate(Template()));
        Refusal.Expect("MissingParameter", () => Validate(Template(Item("Blur")) with { Name = "" }));
        Refusal.Expect("MissingParameter", () => Validate(Template(new QualityControlItemConfig { Switch = "ON" })));
    }

    public static TheoryData<QualityControlItemConfig, string> BadItems => new()
    {
        { new() { Type = "Blur", Switch = "on" }, "InvalidParameterValue.Switch" },
        { new() { Type = "Blur", Sampling = "Frame" }, "InvalidParameterValue.Sampling" },
        { new() { Type = "Blur", IntervalTime = 0 }, "InvalidParameterValue.IntervalTime" },
        { new() { Type = "Blur", IntervalTime = 3_600_001 }, "InvalidParameterValue.IntervalTime" },
        { new() { Type = "Blur", Duration = -1 }, "InvalidParameterValue.Duration" },
        { new() { Type = "Blur", Threshold = new string('9', 257) }, "InvalidParameterValue.Threshold" },
        { new() { Type = "SSIM", Threshold = "1.5" }, "InvalidParameterValue.Threshold" },
        { new() { Type = "PSNR", Threshold = "high" }, "InvalidParameterValue.Threshold" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public void Validate_ItemFieldOutOfRange_RefusedByField(QualityControlItemConfig item, string code) =>
        Refusal.Expect(code, () => Validate(Template(item)));

    [Fact]
    public void Validate_SameTypeTwice_RefusedNamingIt()
    {
        var error = Refusal.Expect("InvalidParameterValue.Type", () => Validate(Template(Item("Blur"), Item("Blur", "OFF"))));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PNG")]
    [InlineData("JPG")]
    public void Validate_RecordFormat_RefusedSinceNothingIsRecorded(string format) =>
        Refusal.Expect("InvalidParameterValue.RecordFormat", () => Validate(Template(Item("Blur")) with { RecordFormat = format }));

    [Theory]
    [InlineData("Interval", 10L, 10L, null, null, "InvalidParameterValue.StrategyType")]
    [InlineData("TimeSpotCheck", 9L, 10L, null, null, "InvalidParameterValue.CheckDuration")]
    [InlineData("TimeSpotCheck", 86401L, 10L, null, null, "InvalidParameterValue.CheckDuration")]
    [InlineData("TimeSpotCheck", 10L, 3601L, null, null, "InvalidParameterValue.CheckInterval")]
    [InlineData("TimeSpotCheck", 10L, 10L, 0L, null, "InvalidParameterValue.SkipDuration")]
    [InlineData("TimeSpotCheck", 10L, 10L, 1801L, null, "InvalidParameterValue.SkipDuration")]
    [InlineData("TimeSpotCheck", 10L, 10L, null, 1001L, "InvalidParameterValue.CirclesNumber")]
    [InlineData("TimeSpotCheck", null, 10L, null, null, "MissingParameter")]
    public void Validate_TimeSpotCheckOutOfRange_RefusedByField(string type, long? check, long? interval, long? skip, long? circles, string code) =>
        Refusal.Expect(code, () => Validate(Template(Item("Blur")) with
        {
            Strategy = new QualityControlStrategy
            {
                StrategyType = type,
                TimeSpotCheck = new TimeSpotCheck { CheckDuration = check, CheckInterval = interval, SkipDuration = skip, CirclesNumber = circles },
            },
        }));
}
