namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>select='gte(scene,0)'</c>: keeps every frame and, because the expression reads <c>scene</c>, tags each with
/// <c>lavfi.scene_score</c> (0–1, the change from the previous frame) for a later <see cref="MetadataPrintFilter"/>.
/// </summary>
public sealed record SceneScoreFilter : Filter
{
    public override string Name => "select";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("expr", "gte(scene,0)")];

    public override bool IsExpression(string key) => key == "expr";
}
