using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

/// <summary>Recognizes a unique-index violation on either provider (SQLite "UNIQUE constraint failed", PostgreSQL 23505 "duplicate key").</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) =>
        exception?.InnerException?.Message is { } message
        && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
