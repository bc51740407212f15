namespace Mediaflow.Domain.Conditions;

/// <summary>What a condition key's value is, which decides the values a rule may compare it with.</summary>
public enum ConditionKeyKind
{
    /// <summary>A quality-control item type: <c>true</c> when the QC node reported it. Values <c>""</c>/<c>true</c> (present), <c>false</c> (absent).</summary>
    Presence,

    /// <summary><c>true</c>/<c>false</c> (<c>HasAudio</c>, <c>NoVideo</c> …); <c>""</c> means <c>true</c> as for a QC item.</summary>
    Boolean,

    /// <summary>A number (size, duration, scores): the literal must be a number, any operator.</summary>
    Number,

    /// <summary>A name (codec, container): compared case-insensitively with <c>==</c>/<c>!=</c>.</summary>
    Text,
}
