namespace TocMesh.TestSupport;

/// <summary>The kinds of request <see cref="GeneratedInput"/> makes from a method's descriptor.</summary>
public enum InputKind
{
    /// <summary>No field set.</summary>
    Empty,

    /// <summary>Every field set to a value a partner might send.</summary>
    Plausible,

    /// <summary>Every string and list exactly at its declared bound, numbers at their limits.</summary>
    Boundary,

    /// <summary>Past every declared bound: one more item or character, and far more.</summary>
    Oversized,

    /// <summary>Every list filled to its bound with copies of one value.</summary>
    DuplicateHeavy,

    /// <summary>Dates at both ends of the calendar and past them; timestamps at their limits.</summary>
    ExtremeDates,

    /// <summary>Right-to-left marks, zero-width characters, combining marks, very long grapheme clusters.</summary>
    OddUnicode,

    /// <summary>Random bytes as the request body.</summary>
    RandomBytes,
}
