using Mediaflow.Media.Ai;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Ai;

/// <summary>Face detection and recognition on Debian's sample photos (DESIGN §7.8): messi5.jpg (opencv-doc), astronaut.png (python3-skimage).</summary>
public sealed class FaceTests : IDisposable
{
    public const string Messi = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";
    public const string Astronaut = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddMediaflowMedia(new MediaOptions { NoProgressTimeout = TimeSpan.FromSeconds(30) }).AddMediaflowAi(new AiOptions()).BuildServiceProvider();

    /// <summary>
    /// 4 s, 640×360: the astronaut for 2 s, then Messi's photo cropped, scaled ×1.2, shifted right and brightened for 2 s
    /// (a render the registered photo never was).
    /// </summary>
    public static Task<string> TwoPeopleAsync(string directory) => TestMedia.GenerateAsync(directory, "two-people.mp4",
    [
        "-loop", "1", "-t", "2", "-i", Astronaut, "-loop", "1", "-t", "2", "-i", Messi,
        "-filter_complex",
        "[0:v]scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:0,setsar=1,fps=25,format=yuv420p[a];"
        + "[1:v]crop=400:300:100:0,scale=480:360,pad=640:360:120:0,eq=brightness=0.12,setsar=1,fps=25,format=yuv420p[m];[a][m]concat=n=2:v=1[v]",
        "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    ]);

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(83, 100)]
    [InlineData(105, 50)]
    [InlineData(128, 0)]
    public void FromDistance_CalibratedRange_MapsLinearly(double distance, double confidence) => Assert.Equal(confidence, FaceScore.FromDistance(distance));

    [Fact]
    public async Task CropLargestFace_Photos_OneFaceEach_NoFaceAndNotAnImage_Null()
    {
        await using var services = Services();
        var detector = services.GetRequiredService<FaceDetector>();
        var plain = await TestMedia.GenerateAsync(temp.Path, "plain.png", ["-f", "lavfi", "-i", "color=c=gray:s=320x240", "-frames:v", "1"]);

        Assert.NotNull(detector.CropLargestFace(await File.ReadAllBytesAsync(Messi)));
        Assert.NotNull(detector.CropLargestFace(await File.ReadAllBytesAsync(Astronaut)));
        Assert.Null(detector.CropLargestFace(await File.ReadAllBytesAsync(plain)));
        Assert.Null(detector.CropLargestFace("not an image"u8.ToArray()));
    }

    [Fact]
    public async Task RecognizeAsync_RegisteredFromOnePhoto_FoundInAnotherRenderAndNotTheOtherPerson()
    {
        await using var services = Services();
        var crop = services.GetRequiredService<FaceDetector>().CropLargestFace(await File.ReadAllBytesAsync(Messi))!;
        var video = await TwoPeopleAsync(temp.Path);

        var sightings = await services.GetRequiredService<FaceRecognizer>().RecognizeAsync(video, 4, 640, 360, [new FaceSample("p1", "Messi", crop)], 95,
            temp.Path, null, CancellationToken.None);

        var sighting = Assert.Single(sightings);
        Assert.Equal("Messi", sighting.PersonName);
        Assert.InRange(sighting.StartTimeOffset, 1.5, 2.5);
        Assert.InRange(sighting.EndTimeOffset, 3.5, 4.0);
        Assert.InRange(sighting.AreaCoordSet[0], 120, 640);
    }

    [Fact]
    public async Task RecognizeAsync_NoSamples_NothingRecognized()
    {
        await using var services = Services();
        var video = await TwoPeopleAsync(temp.Path);

        Assert.Empty(await services.GetRequiredService<FaceRecognizer>().RecognizeAsync(video, 4, 640, 360, [], 0, temp.Path, null, CancellationToken.None));
    }
}
