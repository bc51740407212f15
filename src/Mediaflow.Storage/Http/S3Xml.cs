using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http;

/// <summary>S3 XML in and out (namespace <c>http://s3.amazonaws.com/doc/2006-03-01/</c>).</summary>
internal static class S3Xml
{
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    private const int MaxRequestXmlBytes = 1024 * 1024;

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Quoted(string etag) => $"\"{etag}\"";

    public static async Task WriteAsync(HttpResponse response, XElement root, int status = StatusCodes.Status200OK)
    {
        var bytes = Encoding.UTF8.GetBytes(new XDeclaration("1.0", "UTF-8", null) + "\n" + root.ToString(SaveOptions.DisableFormatting));
        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }

    /// <summary>Reads a small XML request body through the verifying body stream; null when the body is empty.</summary>
    public static async Task<XElement?> ReadAsync(StoreContext context)
    {
        await using var body = context.OpenBody();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.Stream.ReadAsync(chunk, context.Aborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRequestXmlBytes)
            {
                throw new StorageException(StorageErrorCode.MalformedXML, "the XML body is too large");
            }
        }

        if (body.ContentMd5 is { } md5 && !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(md5, System.Security.Cryptography.MD5.HashData(buffer.ToArray())))
        {
            throw new StorageException(StorageErrorCode.BadDigest);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            throw new StorageException(StorageErrorCode.MalformedXML);
        }
    }

    /// <summary>A child element by local name, in any namespace (clients differ on sending the S3 namespace).</summary>
    public static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
