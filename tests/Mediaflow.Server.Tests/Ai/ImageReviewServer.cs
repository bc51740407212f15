using Mediaflow.Media.Tests.Ai.Models;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>
/// A server with <c>Ai:Models:ImageReview</c> configured: the brightness model built before it starts (labels
/// <c>Normal</c>, <c>Porn:bright</c>; the brighter the frame, the higher its Porn score), 4 frames per second.
/// </summary>
public sealed class ImageReviewServer : MediaflowServer
{
    private readonly Dictionary<string, string> environment = [];

    protected override IReadOnlyDictionary<string, string> Environment => environment;

    protected override async Task PrepareAsync()
    {
        var directory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "model")).FullName;
        var (model, labels) = await TestModels.BuildAsync(directory, "brightness", "Normal", "Porn:bright");
        environment["MEDIAFLOW__Ai__Models__ImageReview__Path"] = model;
        environment["MEDIAFLOW__Ai__Models__ImageReview__Labels"] = labels;
        environment["MEDIAFLOW__Ai__Models__ImageReview__SampleRate"] = "4";
    }
}
