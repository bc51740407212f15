namespace Mediaflow.Domain.Orchestrations;

/// <summary>How <c>{number}</c> is rendered in output paths (reference/mps-api.md §8).</summary>
public sealed record NumberFormat
{
    public long? InitialValue { get; init; }
    public long? Increment { get; init; }
    public long? MinLength { get; init; }
    public string? PlaceHolder { get; init; }

    public string Render(int index)
    {
        var value = (InitialValue ?? 0) + (index * (Increment ?? 1));
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var minLength = (int)Math.Clamp(MinLength ?? 1, 1, 32);
        var pad = string.IsNullOrEmpty(PlaceHolder) ? '0' : PlaceHolder[0];
        return text.PadLeft(minLength, pad);
    }
}
