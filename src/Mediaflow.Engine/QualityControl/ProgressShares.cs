namespace Mediaflow.Engine.QualityControl;

/// <summary>Several concurrent parts of one node, each reporting 0–100: the node's progress is their mean.</summary>
internal sealed class ProgressShares(IProgress<double> node, int parts)
{
    private readonly double[] values = new double[Math.Max(1, parts)];
    private readonly Lock gate = new();

    public IProgress<double> Share(int part) => new Part(this, part);

    private void Report(int part, double value)
    {
        double mean;
        lock (gate)
        {
            values[part] = Math.Max(values[part], Math.Clamp(value, 0, 100));
            mean = values.Average();
        }

        node.Report(mean);
    }

    private sealed class Part(ProgressShares owner, int part) : IProgress<double>
    {
        public void Report(double value) => owner.Report(part, value);
    }
}
