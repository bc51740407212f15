using Mediaflow.Media.Processes;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Media.Fusion;

/// <summary>
/// One member's view of a finished (possibly shared) ffmpeg run: the process result and the showinfo frames its own
/// filters logged, renumbered to the member's own graph (filter index as if it had run alone).
/// </summary>
public sealed record MemberRun(ProcessRunResult Run, IReadOnlyList<ShowInfoFrame> Frames);
