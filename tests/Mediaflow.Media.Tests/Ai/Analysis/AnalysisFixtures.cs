using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Analysis;

/// <summary>
/// The analysis fixture: 5 s, 320×180, cuts at 1.0, 2.2, 3.2 and 4.2 s — 1 s black + silent head, testsrc2 with a
/// 440 Hz tone, a flat red card with 880 Hz, a mandelbrot zoom with 220 Hz, 0.8 s black + silent tail. The golden
/// files <c>TestData/Ai/cuts-*-stats.txt</c> are the analysis pass's output on this clip.
/// </summary>
public static class AnalysisFixtures
{
    public static readonly double[] CutTimes = [1.0, 2.2, 3.2, 4.2];

    public static Task<string> CutsAsync(string directory) =>
        TestMedia.GenerateAsync(directory, "cuts.mp4",
        [
            "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=1", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
            "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1.2", "-f", "lavfi", "-i", "sine=f=440:r=44100:d=1.2",
            "-f", "lavfi", "-i", "color=c=red:s=320x180:r=25:d=1", "-f", "lavfi", "-i", "sine=f=880:r=44100:d=1",
            "-f", "lavfi", "-i", "mandelbrot=s=320x180:r=25", "-f", "lavfi", "-i", "sine=f=220:r=44100:d=1",
            "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=0.8",
            "-filter_complex",
            "[1]atrim=0:1[a0];[6]trim=0:1,setpts=PTS-STARTPTS[v3];[1]atrim=0:0.8,asetpts=PTS-STARTPTS[a4];[0:v][a0][2:v][3:a][4:v][5:a][v3][7:a][8:v][a4]concat=n=5:v=1:a=1[v][a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
        ]);
}
