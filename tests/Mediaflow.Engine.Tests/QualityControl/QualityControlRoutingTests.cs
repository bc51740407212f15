using Mediaflow.Domain.Templates;
using Mediaflow.Engine.QualityControl;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.Tests.QualityControl;

/// <summary>
/// Pure routing of enabled items to inspectors. The inspectors here are only declarations of item types (routing never
/// calls them); what the real inspectors find is tested where they live.
/// </summary>
public class QualityControlRoutingTests
{
    private sealed class Declares(params string[] types) : IQualityInspector
    {
        public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(types, StringComparer.Ordinal);

        public Task<QcReport> InspectAsync(QcInspection inspection, IProgress<double> progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("routing must not run inspectors");
    }

    [Fact]
    public void Route_ItemsGoToTheFirstDeclaringInspectorFullReferenceStaysUnknownReported()
    {
        var content = new Declares("Blur", "Freeze");
        var format = new Declares("DtsJitter", "Blur");
        var idle = new Declares("NoVoice");
        var route = QualityControlRouting.Route(
            [
                new QualityControlItemConfig { Type = "DtsJitter", Threshold = "0.2", Duration = 1500, IntervalTime = 500 },
                new QualityControlItemConfig { Type = "Blur" },
                new QualityControlItemConfig { Type = "SSIM", Threshold = "0.97" },
                new QualityControlItemConfig { Type = "AppletCode" },
            ],
            [content, format, idle]);

        Assert.Equal([content, format], route.Inspectors.Select(w => w.Inspector));
        Assert.Equal(["Blur"], route.Inspectors[0].Items.Select(i => i.Type));
        Assert.Equal(new QcItemRequest("DtsJitter", "0.2", 1.5, 0.5), route.Inspectors[1].Items.Single());
        Assert.Equal(new QcItemRequest("SSIM", "0.97"), route.FullReference.Single());
        Assert.Equal(["AppletCode"], route.Undetectable);
    }
}
