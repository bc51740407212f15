namespace Mediaflow.Application.Templates;

public sealed record DescribeTemplatesQuery(IReadOnlyList<long>? Definitions, long Offset, long Limit, string? Type, string? Name, string? ContainerType);
