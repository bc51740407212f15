using System.Globalization;

namespace Mediaflow.Server.Cli;

/// <summary>The upload/download progress line of <c>mediaflow cp</c>, redrawn in place on stderr when the percentage changes.</summary>
public sealed class TransferProgressBar(TextWriter output, string label)
{
    private const int Width = 30;
    private readonly Lock gate = new();
    private int lastPercent = -1;

    public void Report(long done, long total)
    {
        var percent = total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);
        lock (gate)
        {
            if (percent == lastPercent)
            {
                return;
            }

            lastPercent = percent;
            output.Write("\r" + Render(done, total, label));
            output.Flush();
        }
    }

    public void Finish(long total)
    {
        Report(total, total);
        output.WriteLine();
    }

    /// <summary><c>[#########.....................]  30%  3.0/10.0 MiB  label</c></summary>
    public static string Render(long done, long total, string label)
    {
        var fraction = total <= 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)(fraction * Width); // a full bar only at 100%
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {(int)(fraction * 100),3}%  {Mebibytes(done)}/{Mebibytes(total)} MiB  {label}");
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
