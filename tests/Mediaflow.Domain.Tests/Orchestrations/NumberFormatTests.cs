using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class NumberFormatTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(12, "12")]
    public void Render_Defaults_StartsAtZeroStepOneNoPadding(int index, string expected) => Assert.Equal(expected, new NumberFormat().Render(index));

    [Fact]
    public void Render_InitialValue_Offsets() => Assert.Equal(["5", "6", "7"], Enumerable.Range(0, 3).Select(new NumberFormat { InitialValue = 5 }.Render));

    [Fact]
    public void Render_Increment_Steps() =>
        Assert.Equal(["10", "15", "20"], Enumerable.Range(0, 3).Select(new NumberFormat { InitialValue = 10, Increment = 5 }.Render));

    [Fact]
    public void Render_MinLength_PadsWithZeroByDefault()
    {
        var format = new NumberFormat { InitialValue = 1, MinLength = 3 };
        Assert.Equal(["001", "002", "010"], [format.Render(0), format.Render(1), format.Render(9)]);
    }

    [Fact]
    public void Render_PlaceHolder_PadsWithIt() => Assert.Equal("xx7", new NumberFormat { InitialValue = 7, MinLength = 3, PlaceHolder = "x" }.Render(0));

    [Fact]
    public void Render_LongerThanMinLength_NotTruncated() => Assert.Equal("12345", new NumberFormat { InitialValue = 12345, MinLength = 3 }.Render(0));

    [Fact]
    public void Render_EmptyPlaceHolder_FallsBackToZero() => Assert.Equal("004", new NumberFormat { InitialValue = 4, MinLength = 3, PlaceHolder = "" }.Render(0));

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Render_MinLengthBelowOne_TreatedAsOne(long minLength) => Assert.Equal("3", new NumberFormat { InitialValue = 3, MinLength = minLength }.Render(0));

    [Fact]
    public void Render_AllFields_Combined() =>
        Assert.Equal(["#100", "#110", "#120"],
            Enumerable.Range(0, 3).Select(new NumberFormat { InitialValue = 100, Increment = 10, MinLength = 4, PlaceHolder = "#" }.Render));

    [Fact]
    public void Render_ThroughOutputPaths_NumbersEachImage()
    {
        var format = new NumberFormat { InitialValue = 1, MinLength = 2 };
        var variables = OutputPathVariables.ForInput("in/clip.mp4", "jpg", 10);
        var keys = Enumerable.Range(0, 3)
            .Select(i => OutputPaths.ObjectKey("/out/", "{inputName}_{number}.{format}", OutputPaths.TranscodeSegmentPattern, variables with { Number = format.Render(i) }));
        Assert.Equal(["out/clip_01.jpg", "out/clip_02.jpg", "out/clip_03.jpg"], keys);
    }
}
