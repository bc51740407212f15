using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Workflows;

namespace Mediaflow.Domain.Tests.Workflows;

public class NodeTypeCatalogTests
{
    [Fact]
    public void Catalog_CoversExactlyTheKnownActions() =>
        Assert.Equal(ActivityTypes.KnownActions.Order(StringComparer.Ordinal), NodeTypeCatalog.All.Select(n => n.ActivityType).Order(StringComparer.Ordinal));

    [Fact]
    public void Catalog_ImplementedAreTheEngineImplementedActions() =>
        Assert.Equal(ActivityTypes.ImplementedActions.Order(StringComparer.Ordinal),
            NodeTypeCatalog.All.Where(n => n.Implemented).Select(n => n.ActivityType).Order(StringComparer.Ordinal));

    /// <summary>The catalogue's para member is the one the DAG validator demands: a one-node DAG built from it passes.</summary>
    [Fact]
    public void Catalog_ImplementedParaMembers_AcceptedByDagValidator()
    {
        foreach (var type in NodeTypeCatalog.All.Where(n => n.Implemented))
        {
            var para = System.Text.Json.JsonSerializer.Deserialize<ActivityPara>($$$"""{"{{{type.ParaMember}}}":{"Definition":10}}""")!;
            Assert.Equal([type.ParaMember], para.SetMembers());
            DagValidator.Validate(
            [
                new Activity { ActivityType = ActivityTypes.Input, ReardriveIndex = [1] },
                new Activity { ActivityType = type.ActivityType, ReardriveIndex = [2], ActivityPara = para },
                new Activity { ActivityType = ActivityTypes.Output },
            ]);
        }
    }

    /// <summary>The QC node declares every QC item type (SSIM/PSNR as figures) and its figures; review its suggestion; nothing else declares keys.</summary>
    [Fact]
    public void Catalog_ConditionKeys_DeclaredByTheProducingFamilies()
    {
        var qc = NodeTypeCatalog.All.Single(n => n.ActivityType == "action-AIQualityControl").ConditionKeys;
        Assert.Superset(global::Mediaflow.Domain.QualityControl.QualityControlItemNames.Content.Concat(global::Mediaflow.Domain.QualityControl.QualityControlItemNames.FormatCategory.Keys).ToHashSet(), qc.ToHashSet());
        Assert.Superset(new HashSet<string> { "QualityEvaluationScore", "MfAudioEvaluationScore", "NoAudio", "NoVideo", "SSIM", "PSNR" }, qc.ToHashSet());
        Assert.Equal(["ReviewSuggestion"], NodeTypeCatalog.All.Single(n => n.ActivityType == "action-aiReview").ConditionKeys);
        Assert.All(NodeTypeCatalog.All.Where(n => n.ActivityType is not ("action-AIQualityControl" or "action-aiReview")), n => Assert.Empty(n.ConditionKeys));
        Assert.Equal(["AudioCodec", "Bitrate", "Container", "Duration", "Fps", "HasAudio", "HasVideo", "Height", "VideoCodec", "Width"], NodeTypeCatalog.SourceConditionKeys);
    }
}
