using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Mediaflow.Media.Ai.Models;

/// <summary>
/// A configured image model (docs/media-ai-analysis.md): an ONNX file with one float input of shape
/// <c>[1 or N, 3, H, W]</c> (RGB planes, values 0–1) and one float output of shape <c>[1 or N, L]</c> (a score 0–1 per
/// label), and a labels file with the L labels, one per line. <see cref="Load"/> refuses any other model with a
/// permanent <see cref="MediaFailure"/> saying what is wrong.
/// </summary>
public sealed class OnnxFrameModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly string inputName;

    private OnnxFrameModel(InferenceSession session, string inputName, int width, int height, IReadOnlyList<string> labels)
    {
        this.session = session;
        this.inputName = inputName;
        Width = width;
        Height = height;
        Labels = labels;
    }

    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<string> Labels { get; }

    public static OnnxFrameModel Load(string modelPath, string labelsPath)
    {
        if (!File.Exists(modelPath))
        {
            throw Refuse($"the model file {modelPath} does not exist");
        }

        if (!File.Exists(labelsPath))
        {
            throw Refuse($"the labels file {labelsPath} does not exist");
        }

        var labels = File.ReadAllLines(labelsPath).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath);
        }
        catch (OnnxRuntimeException exception)
        {
            throw Refuse($"{modelPath} is not a loadable ONNX model: {exception.Message}");
        }

        try
        {
            var (name, width, height) = CheckInput(session);
            CheckOutput(session, labels.Count);
            return new OnnxFrameModel(session, name, width, height, labels);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The label scores of one frame: <paramref name="rgb"/> is Width × Height packed RGB24.</summary>
    public float[] Score(ReadOnlySpan<byte> rgb)
    {
        var plane = Width * Height;
        if (rgb.Length != plane * 3)
        {
            throw new ArgumentException($"a frame must be {Width}x{Height} RGB24 ({plane * 3} bytes), got {rgb.Length}", nameof(rgb));
        }

        var tensor = new DenseTensor<float>([1, 3, Height, Width]);
        var buffer = tensor.Buffer.Span;
        for (var i = 0; i < plane; i++)
        {
            buffer[i] = rgb[i * 3] / 255f;
            buffer[plane + i] = rgb[(i * 3) + 1] / 255f;
            buffer[(2 * plane) + i] = rgb[(i * 3) + 2] / 255f;
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var scores = results[0].AsEnumerable<float>().ToArray();
        if (scores.Length != Labels.Count)
        {
            throw Refuse($"the model gave {scores.Length} scores for {Labels.Count} labels");
        }

        return scores;
    }

    public void Dispose() => session.Dispose();

    private static (string Name, int Width, int Height) CheckInput(InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw Refuse($"the model must have exactly one input, it has {session.InputMetadata.Count}");
        }

        var (name, input) = session.InputMetadata.First();
        var dims = input.Dimensions;
        if (!input.IsTensor || input.ElementType != typeof(float) || dims.Length != 4 || dims[0] is not (1 or -1) || dims[1] != 3 || dims[2] <= 0 || dims[3] <= 0)
        {
            throw Refuse($"the model input '{name}' must be a float tensor [1, 3, H, W] with fixed H and W, it is {Describe(input)}");
        }

        return (name, dims[3], dims[2]);
    }

    private static void CheckOutput(InferenceSession session, int labelCount)
    {
        if (session.OutputMetadata.Count != 1)
        {
            throw Refuse($"the model must have exactly one output, it has {session.OutputMetadata.Count}");
        }

        var (name, output) = session.OutputMetadata.First();
        var dims = output.Dimensions;
        if (!output.IsTensor || output.ElementType != typeof(float) || dims.Length != 2 || dims[0] is not (1 or -1) || dims[1] is 0 or < -1)
        {
            throw Refuse($"the model output '{name}' must be a float tensor [1, L], it is {Describe(output)}");
        }

        if (labelCount == 0 || (dims[1] > 0 && dims[1] != labelCount))
        {
            throw Refuse($"the model output '{name}' has {dims[1]} scores but the labels file has {labelCount} labels");
        }
    }

    private static string Describe(NodeMetadata metadata) =>
        metadata.IsTensor ? $"{metadata.ElementType.Name} [{string.Join(", ", metadata.Dimensions)}]" : metadata.OnnxValueType.ToString();

    private static MediaFailure Refuse(string message) => MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"AI model: {message}");
}
