namespace Mediaflow.Conformance.AwsSdk;

/// <summary>The parts of an S3 error answer a check looks at.</summary>
internal sealed record S3Failure(int Status, string? Code);
