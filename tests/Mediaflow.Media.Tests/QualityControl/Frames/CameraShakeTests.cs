using Mediaflow.Media.QualityControl.Frames;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>The shake rule on motion series: back-and-forth moves are a shake, a pan, small wobble or one return are not.</summary>
public class CameraShakeTests
{
    private const double Step = 1.0 / 15;

    private static List<FrameMotion> Series(int count, Func<int, (double Dx, double Dy)> shift) =>
        [.. Enumerable.Range(0, count).Select(i => new FrameMotion(Math.Round(i * Step, 3), shift(i).Dx, shift(i).Dy))];

    [Fact]
    public void Flags_AlternatingMovesFrom2To3_5s_FlagsThatSpanOnly()
    {
        var motions = Series(75, i => i * Step is >= 2 and < 3.5 ? (i % 2 == 0 ? 4 : -4, 0) : (0.5, 0));

        var flags = CameraShake.Flags(motions, CameraShake.DefaultMinShift, CameraShake.DefaultReversalsPerSecond);

        var flagged = motions.Where((_, i) => flags[i]).Select(m => m.Time).ToList();
        Assert.InRange(flagged.Min(), 2, 2.2);
        Assert.InRange(flagged.Max(), 3.3, 3.5);
        Assert.Equal(flagged.Count, motions.Count(m => m.Time >= flagged.Min() && m.Time <= flagged.Max()));
    }

    [Fact]
    public void Flags_VerticalShake_Counts()
    {
        var motions = Series(30, i => (1, i % 4 < 2 ? 3 : -3));

        Assert.All(CameraShake.Flags(motions, 2, 3).Skip(3).Take(20), Assert.True);
    }

    [Theory]
    [InlineData(5.0, 0.0)] // a pan to the right
    [InlineData(-3.0, 2.5)] // a diagonal pan
    public void Flags_Pan_NoShake(double dx, double dy)
    {
        var motions = Series(75, _ => (dx, dy));

        Assert.Empty(CameraShake.Reversals(motions, 2));
        Assert.DoesNotContain(true, CameraShake.Flags(motions, 2, 3));
    }

    [Fact]
    public void Flags_WobbleBelowTheMinimumShift_NoShake()
    {
        var motions = Series(75, i => (i % 2 == 0 ? 1.9 : -1.9, 0));

        Assert.DoesNotContain(true, CameraShake.Flags(motions, 2, 3));
    }

    [Fact]
    public void Flags_PanThenBackOnce_OneReversalNoShake()
    {
        var motions = Series(75, i => (i < 40 ? 5 : -5, 0));

        Assert.Single(CameraShake.Reversals(motions, 2));
        Assert.DoesNotContain(true, CameraShake.Flags(motions, 2, 3));
    }

    [Fact]
    public void Flags_ThreeReversalsSpreadOverMoreThanASecond_NoShake()
    {
        // Reversals at 1, 1.6, 2.2, 2.8 s: 3 of them never fall inside one second; 2 per second do.
        var motions = Series(75, i => ((i * Step) switch { < 1 => 3, < 1.6 => -3, < 2.2 => 3, < 2.8 => -3, _ => 3 }, 0));

        Assert.DoesNotContain(true, CameraShake.Flags(motions, 2, 3));
        Assert.Contains(true, CameraShake.Flags(motions, 2, 2));
    }
}
