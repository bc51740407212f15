namespace Mediaflow.Storage.Http;

internal delegate Task StoreHandler(StoreContext context);

internal enum StoreTarget
{
    Service,
    Bucket,
    Object,
}

internal sealed record StoreRoute(string Method, StoreTarget Target, string[] RequiredQuery, StoreHandler Handler);
