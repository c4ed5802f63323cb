namespace TocMesh.ServiceDefaults.Errors;

/// <summary>
/// Collects every problem of a request before anything is written, so the caller gets them all at
/// once: <c>var v = new FieldViolations(); v.Check(...); v.ThrowIfAny();</c>
/// </summary>
public sealed class FieldViolations
{
    private readonly List<FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<FieldViolation> Items => _violations;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Adds a violation when <paramref name="ok"/> is false.</summary>
    public FieldViolations Check(bool ok, string field, string description) => ok ? this : Add(field, description);

    public FieldViolations Required(string? value, string field) =>
        Check(!string.IsNullOrWhiteSpace(value), field, "is required");

    public FieldViolations MaxLength(string? value, int max, string field) =>
        Check(value is null || value.Length <= max, field, $"must be at most {max} characters");

    /// <summary>Runs a parse that reports its own violation; returns its value (or default).</summary>
    public T? Try<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ValidationException e)
        {
            _violations.AddRange(e.Violations);
            return default;
        }
    }

    /// <summary>The async form of <see cref="Try{T}"/>, e.g. for a state code checked against the register.</summary>
    public async Task<T?> TryAsync<T>(Func<Task<T>> parse)
    {
        try
        {
            return await parse();
        }
        catch (ValidationException e)
        {
            _violations.AddRange(e.Violations);
            return default;
        }
    }

    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new ValidationException(_violations.ToArray());
        }
    }
}
