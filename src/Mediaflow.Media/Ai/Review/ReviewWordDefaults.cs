using Mediaflow.Domain.Ai;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// The built-in keyword lists per review label (docs/media-ai-review.md lists them): deliberately small, English and
/// Simplified Chinese, for the obvious cases only — an operator extends them per account with word samples
/// (usage <c>Review</c>, tagged with the label). They apply to both speech (ASR) and on-screen text (OCR).
/// </summary>
public static class ReviewWordDefaults
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByLabel = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ContentReviewLabels.Porn] = ["porn", "pornography", "porno", "xxx", "nude video", "色情", "淫秽", "裸聊"],
        [ContentReviewLabels.Terrorism] = ["terrorist attack", "suicide bomber", "bomb making", "jihad", "恐怖袭击", "炸弹制作", "人肉炸弹"],
        [ContentReviewLabels.Political] = ["overthrow the government", "coup d'etat", "颠覆国家政权", "煽动分裂"],
        [ContentReviewLabels.Prohibited] = ["cocaine", "heroin", "methamphetamine", "illegal gambling", "counterfeit money", "毒品", "冰毒", "海洛因", "赌博", "假钞"],
    };
}
