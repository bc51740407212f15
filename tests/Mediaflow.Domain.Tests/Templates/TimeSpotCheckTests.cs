using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Tests.Templates;

/// <summary>The TimeSpotCheck windows (docs/quality-control.md): skip, then check / pause cycles, clipped to the media.</summary>
public class TimeSpotCheckTests
{
    [Fact]
    public void Windows_SkipCheckPause_RepeatUntilTheEnd()
    {
        var check = new TimeSpotCheck { SkipDuration = 5, CheckDuration = 10, CheckInterval = 20 };
        Assert.Equal([(5.0, 15.0), (35.0, 45.0), (65.0, 70.0)], check.Windows(70));
    }

    [Fact]
    public void Windows_CirclesNumber_LimitsTheCycles() =>
        Assert.Equal([(0.0, 10.0), (20.0, 30.0)], new TimeSpotCheck { CheckDuration = 10, CheckInterval = 10, CirclesNumber = 2 }.Windows(100));

    [Fact]
    public void Windows_SkipPastTheEnd_None() => Assert.Empty(new TimeSpotCheck { SkipDuration = 30, CheckDuration = 10, CheckInterval = 10 }.Windows(20));
}
