using System.Globalization;

namespace Mediaflow.Domain.Conditions;

/// <summary>
/// The value of an IF condition (DESIGN §7.4): an optional operator and a literal. Without an operator a number means
/// <c>&gt;=</c> and anything else <c>==</c>. A comparison is numeric when both sides parse as invariant decimals, else a
/// case-insensitive string comparison. Pure; the raw string itself is stored and echoed unchanged elsewhere.
/// </summary>
/// <param name="Explicit">Whether the raw value spelled the operator (a bare value has it implied).</param>
public sealed record ConditionValue(ConditionOperator Operator, string Literal, bool Explicit)
{
    private static readonly (string Text, ConditionOperator Operator)[] Spellings =
    [
        (">=", ConditionOperator.GreaterOrEqual), ("<=", ConditionOperator.LessOrEqual), ("==", ConditionOperator.Equal),
        ("!=", ConditionOperator.NotEqual), (">", ConditionOperator.Greater), ("<", ConditionOperator.Less),
    ];

    /// <summary>Whether the literal is a number (invariant culture: digits, optional sign, '.' and exponent).</summary>
    public bool IsNumeric => TryNumber(Literal, out _);

    /// <summary>Whether the operator orders values (<c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>) rather than testing equality.</summary>
    public bool Orders => Operator is not (ConditionOperator.Equal or ConditionOperator.NotEqual);

    /// <summary>Parses a raw value; leading/trailing blanks and blanks after the operator are ignored.</summary>
    /// <param name="error">Why the value is refused, when it is.</param>
    public static bool TryParse(string? raw, out ConditionValue value, out string error)
    {
        var text = (raw ?? "").Trim();
        value = new ConditionValue(ConditionOperator.Equal, "", false);
        error = "";
        foreach (var (spelling, op) in Spellings)
        {
            if (!text.StartsWith(spelling, StringComparison.Ordinal))
            {
                continue;
            }

            var literal = text[spelling.Length..].Trim();
            if (literal.Length == 0)
            {
                error = $"operator '{spelling}' has no value after it";
                return false;
            }

            if (StartsLikeOperator(literal))
            {
                error = $"'{spelling}{literal[0]}' is not an operator; use one of >=, >, <=, <, ==, !=";
                return false;
            }

            value = new ConditionValue(op, literal, true);
            return true;
        }

        if (StartsLikeOperator(text))
        {
            error = $"'{text[0]}' is not an operator; use one of >=, >, <=, <, ==, !=";
            return false;
        }

        value = new ConditionValue(TryNumber(text, out _) ? ConditionOperator.GreaterOrEqual : ConditionOperator.Equal, text, false);
        return true;
    }

    /// <summary>Whether <paramref name="actual"/> satisfies this value. A comma-separated actual (a container's
    /// <c>mov,mp4,m4a,…</c>) is a set for <c>==</c>/<c>!=</c> against a literal without commas: equal when any member is.</summary>
    public bool Holds(string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        int order;
        if (TryNumber(actual, out var left) && TryNumber(Literal, out var right))
        {
            order = left.CompareTo(right);
        }
        else if (!Orders && actual.Contains(',', StringComparison.Ordinal) && !Literal.Contains(',', StringComparison.Ordinal))
        {
            var any = actual.Split(',').Any(member => string.Equals(member.Trim(), Literal, StringComparison.OrdinalIgnoreCase));
            return Operator == ConditionOperator.Equal ? any : !any;
        }
        else
        {
            order = string.Compare(actual, Literal, StringComparison.OrdinalIgnoreCase);
        }

        return Operator switch
        {
            ConditionOperator.Equal => order == 0,
            ConditionOperator.NotEqual => order != 0,
            ConditionOperator.GreaterOrEqual => order >= 0,
            ConditionOperator.Greater => order > 0,
            ConditionOperator.LessOrEqual => order <= 0,
            ConditionOperator.Less => order < 0,
            _ => throw new InvalidOperationException($"unknown operator {Operator}"),
        };
    }

    public static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out number);

    private static bool StartsLikeOperator(string text) => text.Length > 0 && text[0] is '<' or '>' or '=' or '!';
}
