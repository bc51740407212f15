using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The store objects of a node's <c>AddOnSubtitles</c> (transcode and adaptive nodes), fetched and read. A missing object
/// fails the node with <c>DownloadNotAccessible</c>, naming <c>{field}[i].Subtitle</c>.
/// </summary>
internal static class AddOnSubtitleObjects
{
    public static async Task<(IReadOnlyList<AddOnSubtitleFile> Files, NodeExecutionResult? Missing)> FetchAsync(
        InputFiles inputs, long appId, IReadOnlyList<AddOnSubtitle> items, string field, CancellationToken cancellationToken)
    {
        var files = new List<AddOnSubtitleFile>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var file = await inputs.ResolveObjectAsync(appId, item.Subtitle?.CosInputInfo ?? new CosInputInfo(), cancellationToken);
            if (file.Path is not { } path)
            {
                return ([], NodeExecutionResult.Failed(TaskErrorCodes.DownloadNotAccessible, $"{field}[{i}].Subtitle: {file.Problem}", file.Retryable));
            }

            files.Add(await AddOnSubtitleFile.ReadAsync(path, item.SubtitleName, item.SubtitleLanguage, item.DefaultTrack ?? false, cancellationToken));
        }

        return (files, null);
    }
}
