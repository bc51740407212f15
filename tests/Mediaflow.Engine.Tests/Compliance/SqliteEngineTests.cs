using Mediaflow.Engine.Tests.Support;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>The engine compliance suite on the embedded shape: SQLite in the data directory.</summary>
public sealed class SqliteEngineTests(SqliteEngineFixture fixture) : EngineComplianceTests(fixture), IClassFixture<SqliteEngineFixture>;
