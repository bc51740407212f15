using System.Diagnostics;

namespace Mediaflow.Bench.Raw;

/// <summary>One large object's bytes written with a FileStream and fsynced, then read back, timed separately.</summary>
internal static class LargeFile
{
    private const int Chunk = 1 << 20;

    public static async Task<Dictionary<string, double>> Run(string source, string dir)
    {
        var bytes = await File.ReadAllBytesAsync(source);
        var target = Path.Combine(dir, "raw-large.bin");

        var write = Stopwatch.StartNew();
        await using (var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, Chunk, FileOptions.Asynchronous))
        {
            for (var offset = 0; offset < bytes.Length; offset += Chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(Chunk, bytes.Length - offset)));
            }

            stream.Flush(flushToDisk: true);
        }

        write.Stop();

        var read = Stopwatch.StartNew();
        long total = 0;
        var buffer = new byte[Chunk];
        await using (var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, Chunk, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                total += n;
            }
        }

        read.Stop();
        File.Delete(target);
        if (total != bytes.Length)
        {
            throw new InvalidOperationException($"read {total} of {bytes.Length} bytes");
        }

        return new() { ["bytes"] = bytes.Length, ["writeSeconds"] = write.Elapsed.TotalSeconds, ["readSeconds"] = read.Elapsed.TotalSeconds };
    }
}
