using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mediaflow.Persistence.Storage;

/// <summary>
/// Stores a UTC <see cref="DateTimeOffset"/> as unix milliseconds: FluentMigrator's SQLite dialect has no
/// DateTimeOffset type, and an Int64 compares and sorts the same on SQLite and PostgreSQL.
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v))
{
    public static UnixMillisecondsConverter Instance { get; } = new();
}
