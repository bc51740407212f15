namespace Mediaflow.Media.Jobs;

/// <summary>
/// A stream copied without re-encoding, through bitstream filters in order (each <c>name=option=value:…</c>, e.g.
/// <c>filter_units=pass_types=7-8</c>); the filters are constants of the code that builds the job, never user text.
/// </summary>
public sealed record StreamCopy(IReadOnlyList<string> BitstreamFilters);
