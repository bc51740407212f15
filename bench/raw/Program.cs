// Raw baselines for the store benchmarks (bench/store.mjs). Prints one JSON object.
//   large <source-file> <dir>          FileStream write of the source's bytes + fsync, then a FileStream read of them
//   small <dir> <count> <concurrency> <bytes>
//                                      per object: temp file write + fsync, rename into place + directory fsync, one SQLite (WAL,
//                                      synchronous FULL) transaction inserting its row — the store's commit recipe
//   serve <file>                       a bare Kestrel on 127.0.0.1 (GET /file, PUT /discard, PUT /md5): S1's loopback
//                                      HTTP ceiling; prints {"url":…} and serves until stdin closes
using System.Text.Json;
using Mediaflow.Bench.Raw;

if (args is ["serve", var served])
{
    return await HttpCeiling.Run(served);
}

var result = args switch
{
    ["large", var source, var dir] => await LargeFile.Run(source, dir),
    ["small", var dir, var count, var concurrency, var bytes] => await SmallObjects.Run(dir, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture), int.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture)),
    _ => null,
};
if (result is null)
{
    await Console.Error.WriteLineAsync("usage: large <source-file> <dir> | small <dir> <count> <concurrency> <bytes> | serve <file>");
    return 2;
}

Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
