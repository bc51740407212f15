namespace Mediaflow.Domain.Tasks;

/// <summary>
/// Task-level error codes (<c>ErrCodeExt</c>, reference/mps-api.md §3.4) and our published numeric <c>ErrCode</c> for
/// each (Tencent publishes none; clients should switch on ErrCodeExt). Documented in docs/error-codes.md.
/// </summary>
public static class TaskErrorCodes
{
    public const string InternalError = "InternalError";
    public const string InvalidInput = "InvalidInput";
    public const string InvalidTimeOffset = "InvalidInput.InvalidTimeOffset";
    public const string DefinitionNotExist = "InvalidInput.DefinitionNotExist";
    public const string ConfigurationUnsupported = "InvalidInput.ConfigurationUnsupported";
    public const string SourceFileError = "SourceFileError";
    public const string NoVideoMedia = "SourceFileError.NoVideoMedia";
    public const string NoVideoResolution = "SourceFileError.NoVideoResolution";
    public const string ContentMalformed = "SourceFileError.ContentMalformed";
    public const string ContentUnsupported = "SourceFileError.ContentUnsupported";
    public const string DownloadNotAccessible = "SourceFileError.DownloadNotAccessible";
    public const string TaskAborted = "FailedOperation.TaskAborted";

    private static readonly Dictionary<string, int> Numeric = new(StringComparer.Ordinal)
    {
        [""] = 0,
        [InvalidInput] = 40000,
        [InvalidTimeOffset] = 40001,
        [DefinitionNotExist] = 40002,
        [ConfigurationUnsupported] = 40003,
        [SourceFileError] = 40100,
        [NoVideoMedia] = 40101,
        [NoVideoResolution] = 40102,
        [ContentMalformed] = 40103,
        [ContentUnsupported] = 40104,
        [DownloadNotAccessible] = 40105,
        [TaskAborted] = 50001,
        [InternalError] = 70000,
    };

    public static IReadOnlyDictionary<string, int> Table => Numeric;

    /// <summary>The numeric code of an ErrCodeExt; unknown codes map to their category's number, else InternalError's.</summary>
    public static int NumericCode(string errCodeExt)
    {
        ArgumentNullException.ThrowIfNull(errCodeExt);
        if (Numeric.TryGetValue(errCodeExt, out var code))
        {
            return code;
        }

        var dot = errCodeExt.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Numeric.TryGetValue(errCodeExt[..dot], out var category) ? category : Numeric[InternalError];
    }
}
