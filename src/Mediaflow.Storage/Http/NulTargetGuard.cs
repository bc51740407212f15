using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http;

/// <summary>
/// Kestrel refuses a request target whose path holds <c>%00</c> while parsing the request line — a bare 400 with no
/// body, before any application code runs. This connection middleware looks at the request line first (only between
/// requests, never inside a body) and answers such a request itself with the store's error XML (<c>InvalidURI</c>,
/// from <see cref="StoreErrors"/>, with a RequestId), then ends the connection as Kestrel would have.
/// </summary>
internal static class NulTargetGuard
{
    internal const string ItemKey = "mediaflow.store.nul-guard";

    /// <summary>Longest request line looked at (Kestrel's own default limit is 8 KiB).</summary>
    private const int MaxLine = 16 * 1024;

    public static ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var state = new State();
        connection.Items[ItemKey] = state;
        var original = connection.Transport;
        connection.Transport = new Duplex(new GuardedReader(original.Input, original.Output, state), original.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = original;
        }
    };

    /// <summary>Marks the HTTP request of <paramref name="context"/> as in progress: its body bytes are not request lines.</summary>
    public static State? Enter(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is null || !items.TryGetValue(ItemKey, out var value) || value is not State state)
        {
            return null;
        }

        state.InRequest = true;
        return state;
    }

    /// <summary>
    /// The request line (method SP target SP HTTP-version CRLF) at the start of <paramref name="buffer"/> when its path
    /// (the target before any '?') holds <c>%00</c>; null when there is no complete line yet or it is anything else.
    /// </summary>
    internal static (string Method, string Target)? FindNulTarget(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer.Length > MaxLine ? buffer.Slice(0, MaxLine) : buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> lineBytes, (byte)'\n'))
        {
            return null;
        }

        var line = Encoding.Latin1.GetString(lineBytes).TrimEnd('\r');
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var last = line.LastIndexOf(' ');
        if (first <= 0 || last <= first || !line.AsSpan(last + 1).StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var method = line[..first];
        if (!method.All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        var target = line[(first + 1)..last];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? target[..query] : target;
        return path.Contains("%00", StringComparison.Ordinal) && !path.Contains(' ', StringComparison.Ordinal) ? (method, target) : null;
    }

    /// <summary>The whole HTTP/1.1 answer: status line, headers and (except for HEAD) the error document.</summary>
    internal static byte[] Answer(string method, string target)
    {
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var body = HttpMethods.IsHead(method) ? [] : StoreErrors.Render(StorageErrorCode.InvalidURI, null, query >= 0 ? target[..query] : target, requestId);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {StoreErrors.StatusOf(StorageErrorCode.InvalidURI)} Bad Request\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nx-amz-request-id: {requestId}\r\nConnection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Per connection: whether an HTTP request (and so possibly its body) is being read.</summary>
    internal sealed class State
    {
        public volatile bool InRequest;

        public void Leave() => InRequest = false;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    private sealed class GuardedReader(PipeReader inner, PipeWriter output, State state) : PipeReader
    {
        private bool answered;
        private bool http2;
        private bool started;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (answered)
            {
                return new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
            }

            var result = await inner.ReadAsync(cancellationToken);
            if (Refused(result.Buffer) is not { } refused)
            {
                return result;
            }

            answered = true;
            inner.AdvanceTo(result.Buffer.End);
            await output.WriteAsync(Answer(refused.Method, refused.Target), cancellationToken);
            return new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
        }

        public override bool TryRead(out ReadResult result)
        {
            if (answered)
            {
                result = new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
                return true;
            }

            if (!inner.TryRead(out result))
            {
                return false;
            }

            if (Refused(result.Buffer) is null)
            {
                return true;
            }

            // Answering needs an asynchronous write: give the bytes back and let ReadAsync (called next) do it.
            inner.AdvanceTo(result.Buffer.Start);
            result = default;
            return false;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
            if (!answered)
            {
                inner.AdvanceTo(consumed);
            }
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            if (!answered)
            {
                inner.AdvanceTo(consumed, examined);
            }
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        private (string Method, string Target)? Refused(ReadOnlySequence<byte> buffer)
        {
            if (!started && buffer.Length >= 4)
            {
                // HTTP/2 with prior knowledge: frames, not request lines.
                started = true;
                http2 = buffer.FirstSpan.Length >= 4 ? buffer.FirstSpan[..4].SequenceEqual("PRI "u8) : buffer.Slice(0, 4).ToArray().AsSpan().SequenceEqual("PRI "u8);
            }

            return http2 || state.InRequest || buffer.IsEmpty ? null : FindNulTarget(buffer);
        }
    }
}
