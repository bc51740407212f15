using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// The parameters of one node: exactly one member set, matching the node's ActivityType. Members of node families this
/// build does not execute yet are kept in <see cref="Other"/> only so validation can name and refuse them.
/// </summary>
public sealed record ActivityPara
{
    public TranscodeTaskInput? TranscodeTask { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    /// <summary>Names of the members that are set.</summary>
    public IReadOnlyList<string> SetMembers()
    {
        var names = new List<string>();
        if (TranscodeTask is not null)
        {
            names.Add(nameof(TranscodeTask));
        }

        if (Other is not null)
        {
            names.AddRange(Other.Where(kv => kv.Value.ValueKind != JsonValueKind.Null).Select(kv => kv.Key));
        }

        return names;
    }
}
