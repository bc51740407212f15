namespace Mediaflow.Domain.Templates;

/// <summary>Sampling of the sample-snapshot and sprite families: <c>Percent</c> (of the duration) or <c>Time</c> (seconds).</summary>
public interface ISampling
{
    string SampleType { get; }
    long SampleInterval { get; }
}
