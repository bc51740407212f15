using Mediaflow.Domain.Conditions;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Conditions;

public class RuleEvaluatorTests
{
    private static readonly Dictionary<string, string> Hd = new(StringComparer.Ordinal)
    {
        ["Width"] = "1920", ["Height"] = "1080", ["HasAudio"] = "true", ["VideoCodec"] = "h264", ["Blur"] = "false", ["SSIM"] = "0.9612",
    };

    internal static ExecRule Rule(string? linker, long[] next, params (string Key, string Value)[] conditions) => new()
    {
        Linker = linker,
        RearDriveIndexs = next,
        Conditions = conditions.Select(c => new RuleConditionItem { Key = c.Key, Value = c.Value }).ToList(),
    };

    private static RuleDecision Evaluate(IReadOnlyDictionary<string, string> facts, params ExecRule[] rules) =>
        RuleEvaluator.Evaluate(new ExecRulesTaskInput { Rules = rules }, key => facts.GetValueOrDefault(key));

    [Fact]
    public void Evaluate_FirstHoldingRuleWins_LaterHoldingRulesIgnored()
    {
        var decision = Evaluate(Hd,
            Rule("&&", [2], ("Width", ">=3840")),
            Rule("&&", [3], ("Width", ">=1280")),
            Rule("&&", [4], ("Height", ">=720")));

        Assert.Equal(1, decision.MatchedRule);
        Assert.Equal([3L], decision.Selected);
        Assert.Equal([(0, "Width", false), (1, "Width", true)], decision.Evaluations.Select(e => (e.Rule, e.Key, e.Holds)));
    }

    [Fact]
    public void Evaluate_EmptyConditions_IsTheElse()
    {
        var decision = Evaluate(Hd, Rule("&&", [2], ("Width", ">=3840")), Rule(null, [3, 4]));

        Assert.Equal(1, decision.MatchedRule);
        Assert.Equal([3L, 4L], decision.Selected);
    }

    [Fact]
    public void Evaluate_NoRuleHolds_MinusOneAndNothingSelected()
    {
        var decision = Evaluate(Hd, Rule("&&", [2], ("Width", ">=3840")), Rule("||", [3], ("VideoCodec", "hevc"), ("HasAudio", "false")));

        Assert.Equal(-1, decision.MatchedRule);
        Assert.Empty(decision.Selected);
        Assert.Equal(3, decision.Evaluations.Count);
        Assert.All(decision.Evaluations, e => Assert.False(e.Holds));
    }

    [Theory]
    [InlineData("&&", false)]
    [InlineData(null, false)] // absent Linker joins with &&
    [InlineData("", false)]
    [InlineData("||", true)]
    public void Evaluate_Linker_AllOrAny(string? linker, bool holds)
    {
        var decision = Evaluate(Hd, Rule(linker, [2], ("Width", ">=1280"), ("VideoCodec", "hevc")));

        Assert.Equal(holds ? 0 : -1, decision.MatchedRule);
        Assert.Equal(2, decision.Evaluations.Count); // no short circuit: the record says why
    }

    [Fact]
    public void Evaluate_MissingValue_ConditionFalseAndRecordedWithNullActual()
    {
        var decision = Evaluate(Hd, Rule("&&", [2], ("QualityEvaluationScore", "<50")), Rule("&&", [3], ("PSNR", "!=0")));

        Assert.Equal(-1, decision.MatchedRule);
        Assert.Equal([("QualityEvaluationScore", "<50", (string?)null, false), ("PSNR", "!=0", null, false)],
            decision.Evaluations.Select(e => (e.Key, e.Value, e.Actual, e.Holds)));
    }

    [Theory]
    [InlineData("", false)] // "" = present
    [InlineData("true", false)]
    [InlineData("TRUE", false)]
    [InlineData("false", true)] // absent
    [InlineData("!=true", true)]
    public void Evaluate_QcItemPresence_EmptyAndTrueMeanPresent(string value, bool holds) =>
        Assert.Equal(holds, Evaluate(Hd, Rule("&&", [2], ("Blur", value))).MatchedRule == 0);

    [Fact]
    public void Evaluate_SsimBelowThreshold_HoldsWithActualRecorded()
    {
        var decision = Evaluate(Hd, Rule("&&", [2], ("SSIM", "<0.97")), Rule(null, []));

        Assert.Equal(0, decision.MatchedRule);
        Assert.Equal(new ConditionEvaluation(0, "SSIM", "<0.97", "0.9612", true), decision.Evaluations.Single());
    }

    [Fact]
    public void Evaluate_ElseWithEmptyRearDriveIndexs_MatchesAndSelectsNothing()
    {
        var decision = Evaluate(Hd, Rule("&&", [2], ("Width", ">4000")), Rule(null, []));

        Assert.Equal(1, decision.MatchedRule);
        Assert.Empty(decision.Selected);
    }
}
