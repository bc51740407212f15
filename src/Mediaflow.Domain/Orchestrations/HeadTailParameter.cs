using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// A transcode node's <c>HeadTailParameter</c> (reference/mps-api.md §10): clips joined before (<see cref="HeadSet"/>)
/// and after (<see cref="TailSet"/>) the main content. Each is an object of this server's store (<c>Type</c> COS);
/// URL, AWS-S3 and VOD inputs are refused.
/// </summary>
public sealed record HeadTailParameter
{
    /// <summary>At most this many clips on each side.</summary>
    public const int MaxClips = 10;

    public IReadOnlyList<MediaInputInfo>? HeadSet { get; init; }
    public IReadOnlyList<MediaInputInfo>? TailSet { get; init; }

    /// <summary>Pure node-level rules; refusals are <c>InvalidParameterValue.HeadTailParameter</c> naming the clip.</summary>
    public static void Validate(int index, HeadTailParameter? parameter)
    {
        if (parameter is null)
        {
            return;
        }

        foreach (var (set, name) in new[] { (parameter.HeadSet, "HeadSet"), (parameter.TailSet, "TailSet") })
        {
            if (set is null)
            {
                continue;
            }

            if (set.Count > MaxClips)
            {
                throw Refuse(index, $"{name} holds at most {MaxClips} clips");
            }

            for (var i = 0; i < set.Count; i++)
            {
                var clip = set[i];
                if (clip?.Type != "COS")
                {
                    throw Refuse(index, $"{name}[{i}].Type must be COS (an object of this server's store); '{clip?.Type}' is not supported");
                }

                if (clip.CosInputInfo is not { Bucket: { Length: > 0 }, Region: { Length: > 0 } } cos || cos.Key.Length == 0)
                {
                    throw Refuse(index, $"{name}[{i}].CosInputInfo needs Bucket, Region and Object");
                }
            }
        }
    }

    private static ApiException Refuse(int index, string message) =>
        new(ApiErrorCodes.InvalidValue(nameof(HeadTailParameter)), $"Activities[{index}]: TranscodeTask.HeadTailParameter.{message}");
}
