namespace Mediaflow.Storage.Http;

internal delegate Task StoreHandler(StoreContext context);

internal enum StoreTarget
{
    Service,
    Bucket,
    Object,
}

/// <summary>A route row; <paramref name="RequiredHeader"/>, when set, must be present (e.g. the copy-source header of CopyObject).</summary>
internal sealed record StoreRoute(string Method, StoreTarget Target, string[] RequiredQuery, StoreHandler Handler, string[]? RequiredHeader = null);
