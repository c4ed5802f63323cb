using System.Text;
using Buf.Validate;
using Google.Protobuf;
using ProtoValidate;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Contracts;

/// <summary>
/// Enforces the bounds every request message declares in its <c>.proto</c> (protovalidate's
/// <c>buf.validate</c> rules: list sizes, string lengths, number ranges) before any handler runs, for
/// gRPC and JSON callers alike (JSON transcoding goes through the same pipeline). A request past a
/// bound is INVALID_ARGUMENT naming the field; the services' own rules run only on bounded input.
/// </summary>
public sealed class RequestBounds
{
    /// <summary>Up to this size a refused request has every problem listed (capped), past it only the first.</summary>
    public const int FullReportBytes = 16 * 1024;

    // Compiles each message type's rules on first use and keeps them; safe to share between calls.
    private readonly Validator _validator = new(new ValidatorOptions { PreLoadDescriptors = false, DisableLazy = false });

    /// <summary>Throws a (capped) <see cref="ValidationException"/> when <paramref name="request"/> breaks a declared bound.</summary>
    public void Check(object? request)
    {
        if (request is not IMessage message)
        {
            return;
        }

        // The common case: the plain bounds, checked directly. Otherwise protovalidate decides, in one
        // pass that stops at the first problem. A bad request is walked
        // again to name all its problems only when it is small: walking a list of 200,000 entries
        // takes seconds, so a large one gets its first problem.
        if (DeclaredBounds.Allows(message) == true)
        {
            return;
        }

        var first = _validator.Validate(message, true);
        if (first.IsSuccess)
        {
            return;
        }

        var violations = message.CalculateSize() <= FullReportBytes ? _validator.Validate(message, false).Violations : first.Violations;
        throw new ValidationException([.. violations.Select(v => new FieldViolation(Path(v.Field), v.Message))]);
    }

    /// <summary>The field path as the contracts spell it, e.g. <c>legislation.topics[3]</c>.</summary>
    public static string Path(FieldPath? path)
    {
        if (path is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var element in path.Elements)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(element.FieldName);
            switch (element.SubscriptCase)
            {
                case FieldPathElement.SubscriptOneofCase.Index:
                    text.Append('[').Append(element.Index).Append(']');
                    break;
                case FieldPathElement.SubscriptOneofCase.StringKey:
                    text.Append("[\"").Append(element.StringKey).Append("\"]");
                    break;
            }
        }

        return text.ToString();
    }
}
