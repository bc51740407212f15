using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Screenshot offsets (DESIGN §7.6): "3.5s", bare "3.5" = seconds, "10%" of the duration, "100%" = the last frame.</summary>
public class TimeOffsetTests
{
    [Theory]
    [InlineData("3.5s", 3.5, false)]
    [InlineData("3.5", 3.5, false)]
    [InlineData("0", 0, false)]
    [InlineData("10%", 10, true)]
    [InlineData("100%", 100, true)]
    [InlineData("0.25%", 0.25, true)]
    public void Parse_Valid_ValueAndKind(string text, double value, bool percent) =>
        Assert.Equal(new TimeOffset(value, percent), TimeOffset.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("%")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("1ms")]
    [InlineData("1,5s")]
    [InlineData("101%")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData(" 1s")]
    public void Parse_Invalid_InvalidParameterValueExtTimeOffsetSet(string text)
    {
        var error = Assert.Throws<ApiException>(() => TimeOffset.Parse(text));
        Assert.Equal("InvalidParameterValue.ExtTimeOffsetSet", error.Code);
    }

    [Fact]
    public void Seconds_Percent_ShareOfTheDuration()
    {
        Assert.Equal(3, TimeOffset.Parse("10%").Seconds(30), 9);
        Assert.Equal(2.5, TimeOffset.Parse("2.5s").Seconds(30), 9);
        Assert.True(TimeOffset.Parse("100%").IsLastFrame);
        Assert.False(TimeOffset.Parse("99.9%").IsLastFrame);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromSeconds_Invalid_InvalidParameterValueTimeOffsetSet(double seconds) =>
        Assert.Equal("InvalidParameterValue.TimeOffsetSet", Assert.Throws<ApiException>(() => TimeOffset.FromSeconds(seconds)).Code);

    [Fact]
    public void Offsets_ExtThenDeprecatedSet_InOrder()
    {
        var input = new SnapshotByTimeOffsetTaskInput { Definition = 10, ExtTimeOffsetSet = ["50%"], TimeOffsetSet = [1.5] };
        Assert.Equal([new TimeOffset(50, true), new TimeOffset(1.5, false)], input.Offsets());
    }
}
