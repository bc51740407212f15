using Mediaflow.Engine.Tests.Support;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// The engine's behaviour, written once and run on every state store (STYLE.md "Tests"): <see cref="SqliteEngineTests"/>
/// and <see cref="PostgresEngineTests"/>. Tests drive the application services (ProcessMedia, schedules, ManageTask),
/// upload through the object store, and assert on what a client can observe: DescribeTaskDetail, the objects in the
/// store, ffprobe of the outputs, the callbacks received. Every test uses its own account, buckets and schedules.
/// Partial files by concern: <c>.Dag</c>, <c>.Triggers</c>, <c>.Abort</c>, <c>.Recovery</c>, <c>.Notifications</c>.
/// </summary>
public abstract partial class EngineComplianceTests(EngineFixture fixture)
{
    protected EngineFixture Fixture => fixture;

    protected EngineHost Host => fixture.Host;

    protected SourceMedia Media => fixture.Media;

    /// <summary>A fresh 10-digit AppId: a new account sees only its own buckets, schedules and tasks.</summary>
    protected static long NewAppId() => 1_250_000_000L + Random.Shared.NextInt64(1, 700_000_000);

    /// <summary>Creates the account's bucket named <c>&lt;purpose&gt;-&lt;appid&gt;</c> (the COS naming convention).</summary>
    protected static async Task<string> NewBucketAsync(EngineHost host, long appId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = $"{purpose}-{appId}";
        await host.CreateBucketAsync(appId, name);
        return name;
    }

    protected Task<string> NewBucketAsync(long appId, string purpose) => NewBucketAsync(Host, appId, purpose);

    protected static async Task<ProbedFile> ProbeObjectAsync(EngineHost host, long appId, string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(host);
        return await TestMedia.ProbeAsync(await host.ObjectFileAsync(appId, bucket, key));
    }

    protected Task<ProbedFile> ProbeObjectAsync(long appId, string bucket, string key) => ProbeObjectAsync(Host, appId, bucket, key);
}
