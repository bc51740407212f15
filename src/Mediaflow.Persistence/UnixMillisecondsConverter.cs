using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mediaflow.Persistence;

/// <summary>DateTimeOffset ↔ UTC unix milliseconds.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
