using Mediaflow.Storage.Tests.Integration;

namespace Mediaflow.Storage.Tests.Compliance;

/// <summary>The compliance suite against the embedded store on 127.0.0.1 (AWSSDK.S3 defaults: aws-chunked + CRC32 trailer).</summary>
public sealed class EmbeddedStoreComplianceTests(StoreFixture store) : ObjectStoreComplianceTests(store), IClassFixture<StoreFixture>;
