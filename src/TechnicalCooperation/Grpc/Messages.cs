using TocMesh.ServiceDefaults.Contracts;
using TocMesh.TechnicalCooperation.Domain;
using V1 = TocMesh.TechnicalCooperation.V1;

namespace TocMesh.TechnicalCooperation.Grpc;

/// <summary>Domain records as the contract's messages.</summary>
internal static class Messages
{
    public static V1.Course ToMessage(this Course course, ContactLookup? pointOfContact)
    {
        var message = new V1.Course
        {
            Name = course.Name,
            Title = course.Title,
            Kind = (V1.CourseKind)course.Kind,
            Description = course.Description,
            Delivery = (V1.CourseDelivery)course.Delivery,
            DurationHours = course.DurationHours,
            CurriculumAvailable = course.CurriculumAvailable,
            Provider = course.Provider,
            PointOfContact = course.PointOfContact ?? "",
            SourceDocument = course.SourceDocument,
            Etag = course.Etag,
            EditionCount = course.Editions.Count,
        };
        message.ThematicAreas.AddRange(course.ThematicAreas);
        message.Audiences.AddRange(course.Audiences);
        message.Languages.AddRange(course.Languages);
        if (course.PointOfContact is not null)
        {
            message.PointOfContactDetails = ToMessage(pointOfContact ?? new ContactLookup(course.PointOfContact, ContactLookupOutcome.Unavailable, null));
        }

        return message;
    }

    private static V1.PointOfContact ToMessage(ContactLookup lookup)
    {
        var message = new V1.PointOfContact { Contact = lookup.Name, Resolved = lookup.Details is not null };
        if (lookup.Details is { } d)
        {
            message.StateCode = d.StateCode;
            message.Institution = d.Institution;
            message.Office = d.Office;
            message.Languages.AddRange(d.Languages);
        }

        return message;
    }

    public static V1.CourseEdition ToMessage(this CourseEdition edition)
    {
        var message = new V1.CourseEdition
        {
            Name = edition.Name,
            StartDate = edition.StartDate.ToProto(),
            EndDate = edition.EndDate.ToProto(),
            Place = edition.Place,
            TotalParticipants = edition.TotalParticipants,
        };
        message.Participants.AddRange(edition.Participants.Select(p => new V1.StateParticipants { StateCode = p.StateCode, Count = p.Count }));
        return message;
    }

    public static V1.Need ToMessage(this Need need) => new()
    {
        Name = need.Name,
        StateCode = need.StateCode ?? "",
        Area = need.Area,
        Description = need.Description,
        Priority = (V1.NeedPriority)need.Priority,
        Status = (V1.NeedStatus)need.Status,
        SourceDocument = need.SourceDocument,
        IdentifiedOn = need.IdentifiedOn.ToProto(),
        SourceMeetingId = need.SourceMeetingId,
        RaisedBy = need.RaisedBy,
        ResolvedOn = need.ResolvedOn.ToProto(),
        ResolvedByEdition = need.ResolvedByEdition ?? "",
        ResolutionNote = need.ResolutionNote,
    };

    public static V1.CurriculumRequest ToMessage(this CurriculumRequest request)
    {
        var message = new V1.CurriculumRequest
        {
            Name = request.Name,
            StateCode = request.StateCode,
            Kind = (V1.CurriculumRequestKind)request.Kind,
            Course = request.CourseId is { } id ? ResourceNames.Course(id) : "",
            ThematicArea = request.ThematicArea,
            Description = request.Description,
            RequestedOn = request.RequestedOn.ToProto(),
            SourceMeetingId = request.SourceMeetingId,
            Status = (V1.CurriculumRequestStatus)request.Status,
            Answer = request.Answer,
            AnsweredOn = request.AnsweredOn.ToProto(),
        };
        message.Audiences.AddRange(request.Audiences);
        return message;
    }

    public static V1.Funding ToMessage(this Funding funding) => new()
    {
        Name = funding.Name,
        Source = (V1.FundingSource)funding.Source,
        Donor = funding.Donor,
        DonorNote = funding.DonorNote,
        WorkArea = funding.WorkArea,
        Recipient = funding.Recipient,
        Amount = funding.Amount is { } amount ? new V1.Money { CurrencyCode = amount.CurrencyCode, MinorUnits = amount.MinorUnits } : null,
        Status = (V1.FundingStatus)funding.Status,
        PeriodStart = funding.PeriodStart.ToProto(),
        PeriodEnd = funding.PeriodEnd.ToProto(),
        ReportedOn = funding.ReportedOn.ToProto(),
        SourceMeetingId = funding.SourceMeetingId,
        SourceDocument = funding.SourceDocument,
        Note = funding.Note,
    };

    public static V1.CurrencyTotals ToMessage(this CurrencyTotals totals, Currencies currencies) => new()
    {
        CurrencyCode = totals.CurrencyCode,
        RegularMinorUnits = totals.Regular,
        SpecificMinorUnits = totals.Specific,
        PledgedMinorUnits = totals.Pledged,
        ReceivedMinorUnits = totals.Received,
        Display = currencies.Format(totals.CurrencyCode, totals.Total),
    };

    public static V1.SourceDocument ToMessage(this SourceDocument document) => new()
    {
        Symbol = document.Symbol,
        Title = document.Title,
        MeetingId = document.MeetingId,
        PresentedOn = document.PresentedOn.ToProto(),
        PresentedBy = document.PresentedBy,
    };
}
