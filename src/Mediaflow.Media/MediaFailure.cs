namespace Mediaflow.Media;

/// <summary>
/// A media node's failure: the <c>ErrCodeExt</c> it reports, whether another attempt can help, and the exact command
/// line and stderr tail for the node's log. Retryable = infrastructure (watchdog, timeout, disk, unknown); permanent =
/// the source or the configuration (retrying gives the same answer).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The node-failure type is named MediaFailure in DESIGN and the engine's contract.")]
public sealed class MediaFailure : Exception
{
    public MediaFailure(string errCodeExt, string message, bool retryable, string commandLine = "", IReadOnlyList<string>? logTail = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrCodeExt = errCodeExt;
        Retryable = retryable;
        CommandLine = commandLine;
        LogTail = logTail ?? [];
    }

    public MediaFailure() : this(MediaErrorCodes.InternalError, "media processing failed", retryable: true) { }

    public MediaFailure(string message) : this(MediaErrorCodes.InternalError, message, retryable: true) { }

    public MediaFailure(string message, Exception innerException) : this(MediaErrorCodes.InternalError, message, retryable: true, innerException: innerException) { }

    /// <summary>One of <see cref="MediaErrorCodes"/>.</summary>
    public string ErrCodeExt { get; }

    public bool Retryable { get; }

    /// <summary>Program and arguments, shell-quoted for display only ("" when no process ran).</summary>
    public string CommandLine { get; }

    /// <summary>Last stderr lines of the process (bounded).</summary>
    public IReadOnlyList<string> LogTail { get; }

    public static MediaFailure Permanent(string errCodeExt, string message, string commandLine = "", IReadOnlyList<string>? logTail = null) =>
        new(errCodeExt, message, retryable: false, commandLine, logTail);

    public static MediaFailure Internal(string message, string commandLine = "", IReadOnlyList<string>? logTail = null, Exception? innerException = null) =>
        new(MediaErrorCodes.InternalError, message, retryable: true, commandLine, logTail, innerException);
}
