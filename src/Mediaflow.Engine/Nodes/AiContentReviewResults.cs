using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Review;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The <c>AiContentReviewResult</c> entries (reference/mps-api.md §12; SDK <c>AiContentReviewResult</c>,
/// <c>AiReviewTask*Result</c>): one per enabled switch with <c>Type</c>, <c>SampleRate</c>, <c>Duration</c> and its
/// <c>…Task</c> member (Status, ErrCodeExt, ErrCode, Message, Input {Definition}, Output {Confidence, Suggestion, SegmentSet}).
/// Speech segments carry <c>KeywordSet</c>; text segments also <c>AreaCoordSet</c> (and an empty <c>Url</c>: no frame images are kept).
/// Picture entries (<c>AiReviewPornTaskOutput</c> …) add the output's <c>Label</c>; their segments carry <c>Label</c>,
/// an empty <c>Url</c> and <c>PicUrlExpireTime</c> instead of <c>KeywordSet</c>.
/// </summary>
internal static class AiContentReviewResults
{
    public static JsonObject Entry(long definition, LabelReview review) => new()
    {
        ["Type"] = review.Check.ResultType,
        ["SampleRate"] = review.SampleRate,
        ["Duration"] = review.Duration,
        [review.Check.TaskMember] = TaskResult(definition, review),
    };

    private static JsonObject TaskResult(long definition, LabelReview review)
    {
        var output = new JsonObject
        {
            ["Confidence"] = review.Confidence,
            ["Suggestion"] = review.Suggestion,
            ["SegmentSet"] = new JsonArray([.. review.Segments.Select(s => (JsonNode)Segment(review.Check.Source, s.Hit, s.Suggestion))]),
        };
        if (review.Check.Source == ReviewSource.Img)
        {
            output["Label"] = review.Label;
        }

        return new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["ErrCodeExt"] = "",
            ["ErrCode"] = 0,
            ["Message"] = "",
            ["Input"] = new JsonObject { ["Definition"] = definition },
            ["Output"] = output,
        };
    }

    private static JsonObject Segment(ReviewSource source, ReviewHit hit, string suggestion)
    {
        if (source == ReviewSource.Img)
        {
            return new JsonObject
            {
                ["StartTimeOffset"] = hit.StartTimeOffset,
                ["EndTimeOffset"] = hit.EndTimeOffset,
                ["Confidence"] = hit.Confidence,
                ["Suggestion"] = suggestion,
                ["Label"] = hit.Label,
                ["Url"] = "",
                ["PicUrlExpireTime"] = "",
            };
        }

        var segment = new JsonObject
        {
            ["StartTimeOffset"] = hit.StartTimeOffset,
            ["EndTimeOffset"] = hit.EndTimeOffset,
            ["Confidence"] = hit.Confidence,
            ["Suggestion"] = suggestion,
            ["KeywordSet"] = new JsonArray([.. hit.Keywords.Select(k => (JsonNode)k)]),
        };
        if (source == ReviewSource.Ocr && hit.Area is { } area)
        {
            segment["AreaCoordSet"] = new JsonArray([.. area.AreaCoordSet.Select(v => (JsonNode)v)]);
            segment["Url"] = "";
            segment["PicUrlExpireTime"] = "";
        }

        return segment;
    }
}
