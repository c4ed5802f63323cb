using System.Globalization;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Contracts;
using V1 = TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

/// <summary>A meeting's records as the contract's messages; enum values are shared by number.</summary>
internal static class MeetingMessages
{
    public static V1.Meeting ToMessage(this Meeting m)
    {
        var message = new V1.Meeting
        {
            Name = $"meetings/{m.Id}",
            Id = m.Id,
            Body = m.Body,
            Ordinal = m.Ordinal,
            Title = m.Title,
            // google.type.Date allows a year alone when the record gives no more.
            StartDate = m.DatePrecisionYearOnly ? new Google.Type.Date { Year = m.StartDate.Year } : m.StartDate.ToProto(),
            EndDate = m.EndDate.ToProto(),
            Venue = m.Venue,
            MandateSymbol = m.MandateSymbol,
            MandatePlace = m.MandatePlace,
            PreviousMeeting = m.PreviousMeetingId is null ? "" : $"meetings/{m.PreviousMeetingId}",
            ClosedAt = m.ClosedAt?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            ParticipantsDocument = m.ParticipantsDocument,
            Notes = m.Notes,
        };
        message.Sessions.AddRange(m.Sessions.Select(s => new V1.Session
        {
            Ordinal = s.Ordinal,
            Kind = (V1.SessionKind)(int)s.Kind,
            Topic = s.Topic,
            Purpose = s.Purpose,
        }));
        message.AgendaItems.AddRange(m.AgendaItems.Select(a => new V1.AgendaItem { Ordinal = a.Ordinal, Title = a.Title, SessionOrdinal = a.SessionOrdinal }));
        return message;
    }

    public static V1.Participant ToMessage(this Participant p, Meeting meeting) => new()
    {
        Name = $"meetings/{meeting.Id}/participants/{p.Id}",
        Id = p.Id,
        Kind = (V1.ParticipantKind)(int)p.Kind,
        StateCode = p.StateCode ?? "",
        DisplayName = p.DisplayName,
        Organization = p.Organization,
        Person = p.Person,
        Title = p.Title,
        Roles = { p.Roles.Select(r => (V1.ParticipantRole)(int)r) },
        Honorific = p.Honorific,
        ShortName = p.ShortName,
    };

    public static V1.Election ToMessage(this Election e, Meeting meeting) => new()
    {
        Name = $"meetings/{meeting.Id}/elections/{e.Sequence}",
        Office = (V1.Office)(int)e.Office,
        Nominee = e.Nominee,
        NomineeStateCode = e.NomineeStateCode,
        NominatedBy = e.NominatedBy,
        SecondedBy = e.SecondedBy,
        Outcome = (V1.ElectionOutcome)(int)e.Outcome,
        VotesFor = e.VotesFor,
        ElectedBy = e.ElectedBy,
        SessionOrdinal = e.SessionOrdinal,
        Sequence = e.Sequence,
    };

    public static V1.Intervention ToMessage(this Intervention i, Meeting meeting) => new()
    {
        Name = $"meetings/{meeting.Id}/interventions/{i.Sequence}",
        Sequence = i.Sequence,
        SessionOrdinal = i.SessionOrdinal,
        Speaker = i.Speaker,
        Kind = (V1.InterventionKind)(int)i.Kind,
        Summary = i.Summary,
        InstrumentIds = { i.InstrumentIds },
        Legislation = { i.Legislation },
        ComponentNumbers = { i.ComponentNumbers },
        ComponentStance = (V1.Stance)(int)i.ComponentStance,
        DocumentSymbols = { i.DocumentSymbols },
        Supports = i.Supports,
        Answers = i.Answers,
        ProposalId = i.ProposalId ?? "",
        JointSpeakers = { i.JointSpeakers },
    };

    /// <summary>A component with the positions taken on it, read off the meeting's interventions.</summary>
    public static V1.WorkProgramComponent ToMessage(this WorkProgramComponent c, Meeting meeting)
    {
        var message = new V1.WorkProgramComponent
        {
            Number = c.Number,
            Label = c.Label,
            Text = c.Text,
            DocumentSymbol = c.DocumentSymbol,
            Identified = c.Identified,
            Notes = c.Notes,
            ConsideredWith = { c.ConsideredWith },
        };
        message.Positions.AddRange(meeting.PositionsOn(c.Number).Select(p => new V1.ComponentPosition
        {
            Participant = p.Participant,
            Stance = (V1.Stance)(int)p.Stance,
            Intervention = p.Intervention,
        }));
        return message;
    }

    public static V1.Proposal ToMessage(this Proposal p) => new()
    {
        Id = p.Id,
        Text = p.Text,
        ProposedBy = { p.ProposedBy },
        SupportedBy = { p.SupportedBy },
        Status = (V1.ProposalStatus)(int)p.Status,
        Interventions = { p.Interventions },
    };

    public static V1.FollowUp ToMessage(this FollowUp f) => new()
    {
        Name = $"meetings/{f.MeetingId}/follow-ups/{f.Id}",
        Id = f.Id,
        Kind = (V1.FollowUpKind)(int)f.Kind,
        Description = f.Description,
        Owner = f.Owner,
        DueDate = f.DueDate.ToProto(),
        Status = (V1.FollowUpStatus)(int)f.Status,
        Addressee = f.Addressee,
        SessionOrdinal = f.SessionOrdinal,
        Sequence = f.Sequence,
        Etag = f.Etag,
    };
}
