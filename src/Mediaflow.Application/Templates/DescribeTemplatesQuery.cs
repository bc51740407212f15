namespace Mediaflow.Application.Templates;

/// <param name="PureAudio">DescribeAdaptiveDynamicStreamingTemplates only: 0/1 filter on the template's PureAudio.</param>
public sealed record DescribeTemplatesQuery(IReadOnlyList<long>? Definitions, long Offset, long Limit, string? Type, string? Name, string? ContainerType, long? PureAudio = null);
