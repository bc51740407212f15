namespace Mediaflow.Media.Transcoding;

/// <summary>A file a transcode wrote into its work directory, ready to be stored under <see cref="FileName"/>.</summary>
public sealed record ProducedFile(string LocalPath, string FileName, string ContentType, long Size, bool IsMain);
