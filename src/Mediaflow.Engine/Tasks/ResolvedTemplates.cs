using System.Globalization;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// The templates a task snapshots when it is created. In the stored snapshot (<c>tasks.TemplatesJson</c>) a transcode
/// template is keyed by its Definition alone (as before other families existed); every other family by
/// <c>{Family}:{Definition}</c>, since Definitions are numbered per family and repeat across them (all presets are 10).
/// </summary>
public sealed class ResolvedTemplates
{
    private readonly Dictionary<long, TranscodeTemplate> transcode = [];
    private readonly Dictionary<string, JsonNode> others = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<long, TranscodeTemplate> Transcode => transcode;

    public static string Key(string family, long definition) => FormattableString.Invariant($"{family}:{definition}");

    public bool Contains(long transcodeDefinition) => transcode.ContainsKey(transcodeDefinition);

    public bool Contains(string family, long definition) => others.ContainsKey(Key(family, definition));

    public void Add(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        transcode[template.Definition] = template;
    }

    public void Add<T>(TemplateFamily<T> family, T template)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(template);
        others[Key(family.Name, template.Definition)] = JsonNode.Parse(EngineJson.Serialize(template))!;
    }

    /// <summary>A template of a family whose <see cref="TemplateFamily{T}"/> is built at startup (quality control), by family name.</summary>
    public void Add<T>(string family, T template)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(template);
        others[Key(family, template.Definition)] = JsonNode.Parse(EngineJson.Serialize(template))!;
    }

    public JsonObject ToSnapshot()
    {
        var snapshot = new JsonObject();
        foreach (var (definition, template) in transcode)
        {
            snapshot[definition.ToString(CultureInfo.InvariantCulture)] = JsonNode.Parse(EngineJson.Serialize(template));
        }

        foreach (var (key, template) in others)
        {
            snapshot[key] = template.DeepClone();
        }

        return snapshot;
    }
}
