using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.TechnicalCooperation.Domain;
using V1 = TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>Request messages read into domain records, every problem collected before anything is written.</summary>
internal static class MessageReader
{
    /// <summary>The course fields a caller may set, by their field-mask path.</summary>
    public static readonly IReadOnlyList<string> CourseFields =
    [
        "title", "kind", "description", "thematic_areas", "audiences", "languages", "delivery",
        "duration_hours", "curriculum_available", "provider", "point_of_contact", "source_document",
    ];

    /// <summary>Validates the fields named by <paramref name="paths"/> of <paramref name="source"/> and copies them to <paramref name="target"/>.</summary>
    public static void ApplyCourseFields(V1.Course? source, Course target, IEnumerable<string> paths, FieldViolations v)
    {
        if (source is null)
        {
            v.Add("course", "is required");
            return;
        }

        foreach (var path in paths)
        {
            var field = "course." + path;
            switch (path)
            {
                case "title":
                    target.Title = Vocabulary.Text(source.Title, field, 300, v, required: true);
                    break;
                case "kind":
                    v.Check(source.Kind != V1.CourseKind.Unspecified && Enum.IsDefined((CourseKind)source.Kind), field, "is required: course, workshop, seminar or training of trainers");
                    target.Kind = (CourseKind)source.Kind;
                    break;
                case "description":
                    target.Description = Vocabulary.Text(source.Description, field, 4000, v, required: false);
                    break;
                case "thematic_areas":
                    target.ThematicAreas = Vocabulary.NormalizeSlugs(source.ThematicAreas, field, v, atLeastOne: true);
                    break;
                case "audiences":
                    target.Audiences = Vocabulary.NormalizeSlugs(source.Audiences, field, v, atLeastOne: false);
                    break;
                case "languages":
                    target.Languages = Vocabulary.NormalizeLanguages(source.Languages, field, v);
                    break;
                case "delivery":
                    v.Check(Enum.IsDefined((CourseDelivery)source.Delivery), field, "is not a known delivery");
                    target.Delivery = (CourseDelivery)source.Delivery;
                    break;
                case "duration_hours":
                    v.Check(source.DurationHours is >= 0 and <= 10_000, field, "must be between 0 (not recorded) and 10000 hours");
                    target.DurationHours = source.DurationHours;
                    break;
                case "curriculum_available":
                    target.CurriculumAvailable = source.CurriculumAvailable;
                    break;
                case "provider":
                    target.Provider = Vocabulary.Text(source.Provider, field, 200, v, required: false);
                    break;
                case "point_of_contact":
                    var contact = source.PointOfContact.Trim();
                    v.Check(contact.Length == 0 || ResourceNames.IsContactName(contact), field, "must be a Directory contact name such as \"contacts/7f3c\", or empty for none");
                    target.PointOfContact = contact.Length == 0 ? null : contact;
                    break;
                case "source_document":
                    target.SourceDocument = Vocabulary.Text(source.SourceDocument, field, 100, v, required: false);
                    break;
                default:
                    v.Add("update_mask", $"\"{path}\" is not a field of a course that can be changed; use one of: {string.Join(", ", CourseFields)}");
                    break;
            }
        }
    }

    public static CourseEdition ToEdition(V1.CourseEdition? source, FieldViolations v)
    {
        if (source is null)
        {
            v.Add("edition", "is required");
            return new CourseEdition();
        }

        var start = v.Try(() => (DateOnly?)source.StartDate.ToDateOnly("edition.start_date"));
        var end = v.Try(() => source.EndDate.ToDateOnlyOrNull("edition.end_date"));
        v.Check(start is null || end is null || end >= start, "edition.end_date", "is before the start date");
        var edition = new CourseEdition
        {
            StartDate = start ?? default,
            EndDate = end,
            Place = Vocabulary.Text(source.Place, "edition.place", 200, v, required: true),
        };
        for (var i = 0; i < source.Participants.Count; i++)
        {
            var p = source.Participants[i];
            var field = $"edition.participants[{i}]";
            var code = v.Try(() => StateCodes.Normalize(p.StateCode, field + ".state_code"));
            v.Check(p.Count > 0, field + ".count", "must be at least 1");
            if (code is not null)
            {
                if (edition.Participants.Any(x => x.StateCode == code))
                {
                    v.Add(field + ".state_code", $"{code} is listed twice");
                }
                else
                {
                    edition.Participants.Add(new EditionParticipants { StateCode = code, Count = p.Count });
                }
            }
        }

        return edition;
    }

    public static Need ToNeed(V1.Need? source, string? stateCode, DateOnly today, FieldViolations v)
    {
        if (source is null)
        {
            v.Add("need", "is required");
            return new Need();
        }

        v.Check(Enum.IsDefined((NeedPriority)source.Priority), "need.priority", "is not a known priority");
        var identified = v.Try(() => source.IdentifiedOn.ToDateOnlyOrNull("need.identified_on")) ?? today;
        v.Check(identified <= today, "need.identified_on", "is in the future");
        return new Need
        {
            StateCode = stateCode,
            Area = Vocabulary.NormalizeSlug(source.Area, "need.area", v, required: true) ?? "",
            Description = Vocabulary.Text(source.Description, "need.description", 2000, v, required: true),
            Priority = (NeedPriority)source.Priority,
            SourceDocument = Vocabulary.Text(source.SourceDocument, "need.source_document", 100, v, required: false),
            IdentifiedOn = identified,
            SourceMeetingId = Vocabulary.Text(source.SourceMeetingId, "need.source_meeting_id", 60, v, required: false),
            RaisedBy = Vocabulary.Text(source.RaisedBy, "need.raised_by", 300, v, required: false),
        };
    }

    public static CurriculumRequest ToCurriculumRequest(V1.CurriculumRequest source, string stateCode, DateOnly today, FieldViolations v)
    {
        var kind = (CurriculumRequestKind)source.Kind;
        v.Check(kind != CurriculumRequestKind.Unspecified && Enum.IsDefined(kind), "curriculum_request.kind", "is required: curriculum, courses for an audience, or point of contact");
        long? courseId = null;
        if (source.Course.Length > 0)
        {
            courseId = v.Try(() => (long?)ResourceNames.ParseCourse(source.Course, "curriculum_request.course"));
        }
        else
        {
            v.Check(kind != CurriculumRequestKind.Curriculum, "curriculum_request.course", "is required: the course whose curriculum is asked for");
        }

        var requestedOn = v.Try(() => source.RequestedOn.ToDateOnlyOrNull("curriculum_request.requested_on")) ?? today;
        v.Check(requestedOn <= today, "curriculum_request.requested_on", "is in the future");
        var request = new CurriculumRequest
        {
            StateCode = stateCode,
            Kind = kind,
            CourseId = courseId,
            Audiences = Vocabulary.NormalizeSlugs(source.Audiences, "curriculum_request.audiences", v, atLeastOne: false),
            ThematicArea = Vocabulary.NormalizeSlug(source.ThematicArea, "curriculum_request.thematic_area", v, required: false) ?? "",
            Description = Vocabulary.Text(source.Description, "curriculum_request.description", 2000, v, required: true),
            RequestedOn = requestedOn,
            SourceMeetingId = Vocabulary.Text(source.SourceMeetingId, "curriculum_request.source_meeting_id", 60, v, required: false),
        };
        v.Check(
            kind != CurriculumRequestKind.CoursesForAudience || request.Audiences.Count > 0 || request.ThematicArea.Length > 0,
            "curriculum_request.audiences",
            "name at least one audience (or a thematic area) for a request of courses");
        return request;
    }

    public static Funding ToFunding(V1.Funding? source, Currencies currencies, FieldViolations v)
    {
        if (source is null)
        {
            v.Add("funding", "is required");
            return new Funding();
        }

        var kind = (FundingSource)source.Source;
        var status = (FundingStatus)source.Status;
        v.Check(kind != FundingSource.Unspecified && Enum.IsDefined(kind), "funding.source", "is required: regular budget or specific fund");
        v.Check(status != FundingStatus.Unspecified && Enum.IsDefined(status), "funding.status", "is required: pledged, received or sought");
        var workArea = Vocabulary.NormalizeSlug(source.WorkArea, "funding.work_area", v, required: kind == FundingSource.SpecificFund) ?? "";
        v.Check(kind != FundingSource.RegularBudget || status != FundingStatus.Sought, "funding.status", "a regular budget line is pledged or received, not sought");

        string? currency = null;
        long? units = null;
        if (source.Amount is { } amount)
        {
            currency = amount.CurrencyCode.Trim().ToUpperInvariant();
            v.Check(currencies.IsKnown(currency), "funding.amount.currency_code", $"\"{amount.CurrencyCode}\" is not an ISO 4217 currency code such as \"USD\"");
            v.Check(amount.MinorUnits > 0, "funding.amount.minor_units", "must be a positive count of the currency's minor units (leave amount unset when it was not stated)");
            v.Check(status != FundingStatus.Sought, "funding.amount", "funds sought without success have no amount");
            units = amount.MinorUnits;
        }

        var start = v.Try(() => source.PeriodStart.ToDateOnlyOrNull("funding.period_start"));
        var end = v.Try(() => source.PeriodEnd.ToDateOnlyOrNull("funding.period_end"));
        v.Check(start is null || end is null || end >= start, "funding.period_end", "is before the period's start");
        return new Funding
        {
            Source = kind,
            Status = status,
            Donor = Vocabulary.Text(source.Donor, "funding.donor", 200, v, required: false),
            DonorNote = Vocabulary.Text(source.DonorNote, "funding.donor_note", 500, v, required: false),
            WorkArea = workArea,
            Recipient = Vocabulary.Text(source.Recipient, "funding.recipient", 200, v, required: false),
            CurrencyCode = currency,
            MinorUnits = units,
            PeriodStart = start,
            PeriodEnd = end,
            ReportedOn = v.Try(() => source.ReportedOn.ToDateOnlyOrNull("funding.reported_on")),
            SourceMeetingId = Vocabulary.Text(source.SourceMeetingId, "funding.source_meeting_id", 60, v, required: false),
            SourceDocument = Vocabulary.Text(source.SourceDocument, "funding.source_document", 100, v, required: false),
            Note = Vocabulary.Text(source.Note, "funding.note", 2000, v, required: false),
        };
    }
}
