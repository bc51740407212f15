using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Http;

/// <summary>The authenticated account of a request and how its body is protected.</summary>
internal sealed record Caller(long AppId, PayloadMode Mode, string? PayloadSha256, ChunkSignatureChain? Chain);
