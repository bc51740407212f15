using Mediaflow.Domain.Conditions;

namespace Mediaflow.Domain.Tests.Conditions;

public class ConditionValueTests
{
    [Theory]
    [InlineData(">=1280", ConditionOperator.GreaterOrEqual, "1280", true)]
    [InlineData(">1280", ConditionOperator.Greater, "1280", true)]
    [InlineData("<=0.97", ConditionOperator.LessOrEqual, "0.97", true)]
    [InlineData("<0.97", ConditionOperator.Less, "0.97", true)]
    [InlineData("==h264", ConditionOperator.Equal, "h264", true)]
    [InlineData("!=aac", ConditionOperator.NotEqual, "aac", true)]
    [InlineData(" >=  720 ", ConditionOperator.GreaterOrEqual, "720", true)]
    [InlineData("1280", ConditionOperator.GreaterOrEqual, "1280", false)]
    [InlineData("-3.5", ConditionOperator.GreaterOrEqual, "-3.5", false)]
    [InlineData("1e3", ConditionOperator.GreaterOrEqual, "1e3", false)]
    [InlineData("hevc", ConditionOperator.Equal, "hevc", false)]
    [InlineData("true", ConditionOperator.Equal, "true", false)]
    [InlineData("", ConditionOperator.Equal, "", false)]
    [InlineData(null, ConditionOperator.Equal, "", false)]
    public void TryParse_ValidValue_OperatorAndLiteral(string? raw, ConditionOperator op, string literal, bool spelled)
    {
        Assert.True(ConditionValue.TryParse(raw, out var value, out var error), error);
        Assert.Equal(new ConditionValue(op, literal, spelled), value);
    }

    [Theory]
    [InlineData("=>5", "'='")]
    [InlineData("=5", "'='")]
    [InlineData(">>5", "'>>'")]
    [InlineData("<>5", "'<>'")]
    [InlineData("!5", "'!'")]
    [InlineData(">= =5", "'>=='")]
    [InlineData(">=", "no value")]
    [InlineData("!=  ", "no value")]
    public void TryParse_BadOperator_Refused(string raw, string expected)
    {
        Assert.False(ConditionValue.TryParse(raw, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">=1280", "1920", true)]
    [InlineData(">=1280", "1280", true)]
    [InlineData(">=1280", "640", false)]
    [InlineData("1280", "1280.0", true)] // bare number = >=
    [InlineData("1280", "1279.99", false)]
    [InlineData(">1280", "1280", false)]
    [InlineData("<0.97", "0.9612", true)]
    [InlineData("<0.97", "0.97", false)]
    [InlineData("<=0.97", "0.970", true)]
    [InlineData("==25", "25.000", true)] // numeric, not textual, equality
    [InlineData("!=25", "29.97", true)]
    [InlineData(">=9", "10", true)] // numeric order: "10" < "9" as text
    [InlineData("<2e3", "1999", true)]
    [InlineData("-1", "0", true)]
    public void Holds_BothNumeric_ComparesAsDecimals(string raw, string actual, bool expected) =>
        Assert.Equal(expected, Parse(raw).Holds(actual));

    [Theory]
    [InlineData("h264", "H264", true)] // bare string = ==, case-insensitive
    [InlineData("==HEVC", "hevc", true)]
    [InlineData("!=hevc", "h264", true)]
    [InlineData("!=hevc", "HEVC", false)]
    [InlineData("true", "TRUE", true)]
    [InlineData("false", "true", false)]
    public void Holds_NotBothNumeric_ComparesAsStrings(string raw, string actual, bool expected) =>
        Assert.Equal(expected, Parse(raw).Holds(actual));

    /// <summary>A bare number means >=; against a non-numeric actual both sides are text: "abc" sorts after "25".</summary>
    [Fact]
    public void Holds_NumberAgainstText_OrdersAsText()
    {
        Assert.True(Parse("25").Holds("abc"));
        Assert.False(Parse("<25").Holds("abc"));
    }

    [Theory]
    [InlineData("mp4", true)]
    [InlineData("==MOV", true)]
    [InlineData("m4v", false)]
    [InlineData("!=mp4", false)]
    [InlineData("!=webm", true)]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", true)]
    public void Holds_CommaListActual_EqualityIsMembership(string raw, bool expected) =>
        Assert.Equal(expected, Parse(raw).Holds("mov,mp4,m4a,3gp,3g2,mj2"));

    private static ConditionValue Parse(string raw)
    {
        Assert.True(ConditionValue.TryParse(raw, out var value, out var error), error);
        return value;
    }
}
