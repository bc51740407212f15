namespace Mediaflow.Media.Ai.Review;

/// <summary>One keyword of a review library: the label it counts for, the text, and whether it is the account's own (a word sample).</summary>
public sealed record ReviewKeyword(string Label, string Keyword, bool FromAccount);
