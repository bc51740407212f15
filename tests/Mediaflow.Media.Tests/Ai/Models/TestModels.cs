using System.Diagnostics;

namespace Mediaflow.Media.Tests.Ai.Models;

/// <summary>
/// Tiny ONNX models built at test time with Debian's <c>python3-onnx</c> under <c>/usr/bin/python3</c> (installed by
/// <c>scripts/install-deps --test</c>): <c>brightness</c> scores [dark, bright] from the mean of an 8×8 RGB input
/// (bright = sigmoid(20 × (mean − 0.5))); <c>vector</c> is not an image model (a [1, 8] vector in and out).
/// </summary>
public static class TestModels
{
    private const string Script = """
        import sys
        import onnx
        from onnx import TensorProto, helper

        out, kind = sys.argv[1], sys.argv[2]
        if kind == "brightness":
            nodes = [
                helper.make_node("ReduceMean", ["image"], ["mean"], axes=[1, 2, 3], keepdims=1),
                helper.make_node("Reshape", ["mean", "shape"], ["mean2"]),
                helper.make_node("Sub", ["mean2", "half"], ["centered"]),
                helper.make_node("Mul", ["centered", "gain"], ["logit"]),
                helper.make_node("Sigmoid", ["logit"], ["bright"]),
                helper.make_node("Sub", ["one", "bright"], ["dark"]),
                helper.make_node("Concat", ["dark", "bright"], ["scores"], axis=1),
            ]
            inits = [
                helper.make_tensor("shape", TensorProto.INT64, [2], [1, 1]),
                helper.make_tensor("half", TensorProto.FLOAT, [], [0.5]),
                helper.make_tensor("gain", TensorProto.FLOAT, [], [20.0]),
                helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
            ]
            inputs = [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 8, 8])]
            outputs = [helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 2])]
        else:
            nodes = [helper.make_node("Identity", ["vector"], ["same"])]
            inits = []
            inputs = [helper.make_tensor_value_info("vector", TensorProto.FLOAT, [1, 8])]
            outputs = [helper.make_tensor_value_info("same", TensorProto.FLOAT, [1, 8])]
        graph = helper.make_graph(nodes, kind, inputs, outputs, inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="mediaflow-tests")
        model.ir_version = 7
        onnx.checker.check_model(model)
        onnx.save(model, out)
        """;

    /// <summary>Writes the model and its labels file into <paramref name="directory"/>; returns both paths.</summary>
    public static async Task<(string Model, string Labels)> BuildAsync(string directory, string kind, params string[] labels)
    {
        var script = Path.Combine(directory, "make_model.py");
        await File.WriteAllTextAsync(script, Script);
        var model = Path.Combine(directory, kind + ".onnx");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { script, model, kind })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the {kind} model failed (is python3-onnx installed? scripts/install-deps --test): {await stderr}");
        }

        var labelsPath = Path.Combine(directory, kind + ".labels.txt");
        await File.WriteAllLinesAsync(labelsPath, labels);
        return (model, labelsPath);
    }
}
