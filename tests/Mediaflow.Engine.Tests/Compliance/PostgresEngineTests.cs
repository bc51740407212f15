using Mediaflow.Engine.Tests.Support;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// The engine compliance suite on the scale-out shape: PostgreSQL on a private cluster the fixture starts. When the
/// cluster cannot start, every test here fails with the fixture's error (CI installs postgresql; nothing is skipped).
/// </summary>
public sealed class PostgresEngineTests(PostgresEngineFixture fixture) : EngineComplianceTests(fixture), IClassFixture<PostgresEngineFixture>;
