using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Treaty.Grpc;

/// <summary>National legislation, status statements and the legislative comparison to contract messages, and back.</summary>
internal static class LegislationMessages
{
    public static V1.Legislation ToMessage(this Domain.Legislation l)
    {
        var message = new V1.Legislation
        {
            Name = LegislationRegister.LegislationPrefix + l.Id,
            StateCode = l.StateCode,
            Title = l.Title,
            Kind = (V1.LegislationKind)(int)l.Kind,
            Status = (V1.LegislationStatus)(int)l.Status,
            EnactedOn = l.EnactedOn.ToProto(),
            InForceOn = l.InForceOn.ToProto(),
            Summary = l.Summary,
            Source = l.Source,
            ReportedOn = l.ReportedOn.ToProto(),
        };
        message.Topics.AddRange(l.Topics);
        message.InstrumentIds.AddRange(l.InstrumentIds);
        return message;
    }

    /// <summary>The legislation to record; a date that cannot be read is added to <paramref name="violations"/>.</summary>
    public static Domain.Legislation ToDomain(this V1.Legislation given, FieldViolations violations) => new()
    {
        StateCode = given.StateCode,
        Title = given.Title,
        Kind = (Domain.LegislationKind)(int)given.Kind,
        Status = (Domain.LegislationStatus)(int)given.Status,
        EnactedOn = violations.Try(() => given.EnactedOn.ToPartialDate("legislation.enacted_on")),
        InForceOn = violations.Try(() => given.InForceOn.ToPartialDate("legislation.in_force_on")),
        Topics = [.. given.Topics.Distinct()],
        InstrumentIds = [.. given.InstrumentIds.Distinct()],
        Summary = given.Summary,
        Source = given.Source,
        ReportedOn = violations.Try(() => given.ReportedOn.ToDateOnlyOrNull("legislation.reported_on")),
    };

    public static V1.StatusStatement ToMessage(this Domain.StatusStatement s)
    {
        var message = new V1.StatusStatement
        {
            Name = LegislationRegister.StatementPrefix + s.Id,
            StateCode = s.StateCode,
            MadeOn = s.MadeOn.ToProto(),
            Source = s.Source,
            Text = s.Text,
            Note = s.Note,
        };
        message.InstrumentIds.AddRange(s.InstrumentIds);
        return message;
    }

    /// <summary>The statement to record; a date that cannot be read is added to <paramref name="violations"/>.</summary>
    public static Domain.StatusStatement ToDomain(this V1.StatusStatement given, FieldViolations violations) => new()
    {
        StateCode = given.StateCode,
        MadeOn = violations.Try(() => given.MadeOn.ToDateOnly("statement.made_on")),
        Source = given.Source,
        Text = given.Text,
        InstrumentIds = [.. given.InstrumentIds.Distinct()],
        Note = given.Note,
    };

    public static GetLegislativeComparisonResponse ToResponse(this LegislativeComparison comparison)
    {
        var response = new GetLegislativeComparisonResponse();
        response.Topics.AddRange(comparison.Topics.Select(t => new LegislativeTopic { Id = t.Id, Label = t.Label }));
        foreach (var row in comparison.Rows)
        {
            var message = new LegislativeComparisonRow { StateCode = row.StateCode };
            message.Cells.AddRange(row.Cells.Select(c =>
            {
                var cell = new LegislativeComparisonCell { Topic = c.Topic, HasProvision = c.InEffect.Length > 0 };
                cell.LegislationNames.AddRange(c.InEffect);
                cell.PendingLegislationNames.AddRange(c.Pending);
                return cell;
            }));
            response.Rows.Add(message);
        }

        return response;
    }

    public static ProtoDate? ToProto(this PartialDate? date) =>
        date is { } d ? new ProtoDate { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>A date that may be partial (year only, or year and month), or INVALID_ARGUMENT.</summary>
    public static PartialDate? ToPartialDate(this ProtoDate? date, string field) =>
        date.IsUnset() ? null
        : PartialDate.IsValid(date!.Year, date.Month, date.Day) ? new PartialDate(date.Year, date.Month, date.Day)
        : throw new ValidationException(field, "must be a full date, a year and month (day 0), or a year (month and day 0)");
}
