using System.Text;

namespace Mediaflow.Storage.Objects;

/// <summary>Keys are opaque strings of 1 to 1024 UTF-8 bytes.</summary>
internal static class ObjectKeys
{
    public const int MaxBytes = 1024;

    public static void Validate(string key)
    {
        if (key.Length == 0)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "the object key is empty");
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxBytes)
        {
            throw new StorageException(StorageErrorCode.KeyTooLongError);
        }
    }
}
