using Amazon.S3;
using Mediaflow.Storage.External;
using Mediaflow.Storage.Tests.Integration;

namespace Mediaflow.Storage.Tests.Compliance;

/// <summary>
/// The compliance suite through the external-S3 adapter's own AWSSDK.S3 client (<see cref="ExternalS3Store"/>: path-style,
/// checksums only when required) against an S3-compatible service — here a second embedded store with its own data
/// directory, standing in for the external service as the external-S3 integration tests do.
/// </summary>
public sealed class ExternalS3ClientComplianceTests(ExternalServiceFixture service) : ObjectStoreComplianceTests(service), IClassFixture<ExternalServiceFixture>;

/// <summary>An embedded store reached only through the client configuration external triggers and outputs use.</summary>
public sealed class ExternalServiceFixture : StoreFixture, IObjectStoreTarget
{
    IAmazonS3 IObjectStoreTarget.CreateClient() => ExternalS3Store.CreateClient(Endpoint, "us-east-1", Key.SecretId, Key.SecretKey);
}
