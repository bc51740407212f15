using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Mediaflow.Bench.Raw;

/// <summary>
/// Small objects committed the way the store commits them, without HTTP or EF Core: temp file + fsync, rename into
/// place + fsync of the directory, then one SQLite transaction per object (WAL, synchronous FULL, as SchemaMigrator sets the database up).
/// Workers share the database file but each has its own connection, like the server's pooled contexts.
/// </summary>
internal static class SmallObjects
{
    public static async Task<Dictionary<string, double>> Run(string dir, int count, int concurrency, int size)
    {
        var temp = Directory.CreateDirectory(Path.Combine(dir, "tmp")).FullName;
        var blobs = Directory.CreateDirectory(Path.Combine(dir, "blobs")).FullName;
        var connectionString = $"Data Source={Path.Combine(dir, "raw.db")};Pooling=False";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS objects (id TEXT PRIMARY KEY, key TEXT, etag TEXT, size INTEGER, created INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        var body = RandomNumberGenerator.GetBytes(size);
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync();
            }

            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var one = Stopwatch.StartNew();
                var id = Guid.NewGuid().ToString("N");
                var tempPath = Path.Combine(temp, id);
                await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await stream.WriteAsync(body);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(tempPath, Path.Combine(blobs, id));
                DirectorySync.Flush(blobs); // the rename must survive a power cut before the row points at it, as in the store
                await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
                {
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO objects (id, key, etag, size, created) VALUES ($id, $key, $etag, $size, $created)";
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$key", $"small/{i}");
                    insert.Parameters.AddWithValue("$etag", Convert.ToHexStringLower(MD5.HashData(body)));
                    insert.Parameters.AddWithValue("$size", size);
                    insert.Parameters.AddWithValue("$created", i);
                    await insert.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                }

                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p / 100 * count) - 1)];
        return new()
        {
            ["count"] = count, ["concurrency"] = concurrency, ["seconds"] = total.Elapsed.TotalSeconds,
            ["opsPerSecond"] = count / total.Elapsed.TotalSeconds, ["p50Ms"] = Percentile(50), ["p99Ms"] = Percentile(99),
        };
    }
}
