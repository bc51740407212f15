namespace Mediaflow.Media.Jobs;

/// <summary>One chain of a filter graph: <c>[in]f1,f2[out]</c>. Labels are given without brackets (e.g. <c>0:v:0</c>, <c>vout</c>).</summary>
public sealed record FilterChain(IReadOnlyList<string> InputLabels, IReadOnlyList<Filter> Filters, IReadOnlyList<string> OutputLabels);
