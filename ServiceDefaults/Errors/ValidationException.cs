namespace TocMesh.ServiceDefaults.Errors;

/// <summary>Bad input: INVALID_ARGUMENT with one <c>BadRequest.FieldViolation</c> per problem.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(Describe(violations), "INVALID_ARGUMENT")
{
    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    private static string Describe(IReadOnlyList<FieldViolation> violations) => violations.Count switch
    {
        0 => "The request is not valid.",
        1 => $"{violations[0].Field}: {violations[0].Description}",
        _ => $"{violations.Count} fields are not valid: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}",
    };
}
