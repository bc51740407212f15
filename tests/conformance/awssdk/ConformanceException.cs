namespace Mediaflow.Conformance.AwsSdk;

/// <summary>A conformance check that did not hold.</summary>
internal sealed class ConformanceException(string message) : Exception(message);
