using Mediaflow.Storage.Disk;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http;

/// <summary>Everything a handler needs: the parsed request, the authenticated caller, the store, the response.</summary>
internal sealed class StoreContext(HttpContext http, StoreRequest request, Caller caller, DiskObjectStore store, StorageOptions options)
{
    public HttpContext Http { get; } = http;

    public StoreRequest Request { get; } = request;

    public long AppId => caller.AppId;

    public DiskObjectStore Store { get; } = store;

    public StorageOptions Options { get; } = options;

    public HttpResponse Response => Http.Response;

    public CancellationToken Aborted => Http.RequestAborted;

    public string Bucket => Request.Bucket ?? throw new StorageException(StorageErrorCode.InvalidRequest, "no bucket in the request");

    public string Key => Request.Key ?? throw new StorageException(StorageErrorCode.InvalidRequest, "no key in the request");

    public RequestBody OpenBody() => RequestBody.Open(Request, caller);
}
