using System.Text;

namespace Mediaflow.Storage.Objects;

/// <summary>
/// Keys are opaque strings of 1 to 1024 UTF-8 bytes without NUL, compared byte for byte (NFC and NFD spellings are
/// different keys). They are only ever stored in rows; no path is built from a key.
/// </summary>
internal static class ObjectKeys
{
    public const int MaxBytes = 1024;

    public static void Validate(string key)
    {
        if (key.Length == 0)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "the object key is empty");
        }

        if (key.Contains('\0', StringComparison.Ordinal))
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Object key must not contain the NUL character");
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxBytes)
        {
            throw new StorageException(StorageErrorCode.KeyTooLongError);
        }
    }
}
