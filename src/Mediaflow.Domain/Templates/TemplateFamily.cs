using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// One template family for the generic Create/Modify/Delete/Describe…Templates (reference/mps-api.md §13.0): its wire
/// name (actions <c>Create{Name}Template</c>, set <c>{Name}TemplateSet</c>, the <c>templates.Family</c> column), its
/// read-only presets, its field rules and which node names its templates.
/// </summary>
public sealed class TemplateFamily<T>
    where T : class, IStoredTemplate<T>
{
    public required string Name { get; init; }

    /// <summary>Custom templates one account may hold.</summary>
    public required int MaxPerAccount { get; init; }

    public IReadOnlyList<T> Presets { get; init; } = [];

    /// <summary>Throws <c>InvalidParameterValue.&lt;Field&gt;</c> for the first invalid or unimplemented field.</summary>
    public required Action<T> Validate { get; init; }

    /// <summary>The Definition a node's ActivityPara names in this family, if any (deleting a template in use is refused).</summary>
    public Func<ActivityPara, long?> UsedBy { get; init; } = _ => null;

    /// <summary>When a node can name several templates of the family (a WatermarkSet): all of them; replaces <see cref="UsedBy"/> for deletion.</summary>
    public Func<ActivityPara, IEnumerable<long>>? UsedByAll { get; init; }

    /// <summary>The <c>Type</c> cannot be changed by Modify (watermarks: image/text/svg).</summary>
    public bool ImmutableType { get; init; }

    /// <summary>The template as Describe lists it (e.g. a watermark's image as its URL).</summary>
    public Func<T, T> ForDescribe { get; init; } = template => template;

    /// <summary>
    /// The account's ASR hot-word library the template names (smart subtitles: <c>AsrHotWordsConfigure.LibraryId</c>), if
    /// any: it must exist when the template is saved, and Describe names it (<c>AsrHotWordsLibraryName</c>).
    /// </summary>
    public Func<T, string?>? HotwordsLibraryOf { get; init; }

    /// <summary>
    /// Called by Modify with the stored template's JSON and the changes, before the changes are merged over it: a merge
    /// cannot remove a member, so a family whose members depend on another one drops the stale members here.
    /// </summary>
    public Action<JsonObject, JsonObject>? BeforeModifyMerge { get; init; }

    public string SetName => Name + "TemplateSet";

    public T? FindPreset(long definition) => Presets.FirstOrDefault(p => p.Definition == definition);
}
