namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// Bad input: INVALID_ARGUMENT with one <c>BadRequest.FieldViolation</c> per problem, at most
/// <see cref="MaxReported"/> of them; the message counts the rest, so a request with a million bad
/// entries gets a short answer.
/// </summary>
public sealed class ValidationException : DomainException
{
    /// <summary>How many violations a status carries at most.</summary>
    public const int MaxReported = 10;

    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base(Describe(violations), "INVALID_ARGUMENT")
    {
        Violations = violations.Count > MaxReported ? [.. violations.Take(MaxReported)] : violations;
        Omitted = violations.Count - Violations.Count;
    }

    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    /// <summary>The first <see cref="MaxReported"/> violations.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>How many more violations there were than <see cref="Violations"/> holds.</summary>
    public int Omitted { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations)
    {
        var shown = string.Join("; ", violations.Take(MaxReported).Select(v => $"{v.Field}: {v.Description}"));
        return violations.Count switch
        {
            0 => "The request is not valid.",
            1 => shown,
            <= MaxReported => $"{violations.Count} fields are not valid: {shown}",
            _ => $"{violations.Count} fields are not valid: {shown}; and {violations.Count - MaxReported} more",
        };
    }
}
