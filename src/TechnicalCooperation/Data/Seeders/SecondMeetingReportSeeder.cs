using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.Seeders;

/// <summary>
/// What the report of the Second Meeting (2009-10-07) says of technical cooperation, and nothing more:
/// the two documents presented, the DPS budget and funds, the needs named, and the two requests of
/// states. The report lists no course, so none is seeded. Each record has a fixed request id, so
/// seeding again adds nothing.
/// </summary>
public sealed class SecondMeetingReportSeeder(TechCoopDbContext db) : IDataSeeder
{
    public const string MeetingId = "gtdot-ii";
    public const string DiagnosticAssessment = "GT/DOT-II/doc.6/09 corr. 1";
    public const string Toolkit = "GT/DOT-II/doc.7/09 corr. 1";
    private static readonly DateOnly MeetingDate = new(2009, 10, 7);
    private const string Secretary = "Secretary for Multidimensional Security (Ambassador Alexander Addor-Neto)";
    private const string Dps = "OAS Department of Public Security (DPS)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var document in Documents())
        {
            if (!await db.SourceDocuments.AnyAsync(d => d.Symbol == document.Symbol, cancellationToken))
            {
                db.SourceDocuments.Add(document);
            }
        }

        foreach (var funding in FundingRecords())
        {
            if (!await db.Funding.AnyAsync(f => f.RequestId == funding.RequestId, cancellationToken))
            {
                db.Funding.Add(funding);
            }
        }

        foreach (var need in Needs())
        {
            if (!await db.Needs.AnyAsync(n => n.RequestId == need.RequestId, cancellationToken))
            {
                db.Needs.Add(need);
            }
        }

        foreach (var request in Requests())
        {
            if (!await db.CurriculumRequests.AnyAsync(r => r.RequestId == request.RequestId, cancellationToken))
            {
                db.CurriculumRequests.Add(request);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<SourceDocument> Documents()
    {
        const string presenter = "Alison August-Treppel, Chief, Section on Transnational Organized Crime, DPS";
        yield return new SourceDocument
        {
            Symbol = DiagnosticAssessment,
            Title = "Diagnostic assessment of technical cooperation needs",
            MeetingId = MeetingId,
            PresentedOn = MeetingDate,
            PresentedBy = presenter,
        };
        yield return new SourceDocument
        {
            Symbol = Toolkit,
            Title = "Technical cooperation \"toolkit\" (inventory of courses and workshops)",
            MeetingId = MeetingId,
            PresentedOn = MeetingDate,
            PresentedBy = presenter,
        };
    }

    private static IEnumerable<Funding> FundingRecords()
    {
        yield return new Funding
        {
            RequestId = "seed:gtdot-ii:funding:dps-regular-budget",
            Source = FundingSource.RegularBudget,
            Recipient = Dps,
            CurrencyCode = "USD",
            MinorUnits = 9_200_000,
            Status = FundingStatus.Received,
            ReportedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Note = "The DPS's regular budget was USD$92,000.00.",
        };
        yield return new Funding
        {
            RequestId = "seed:gtdot-ii:funding:trafficking-in-persons",
            Source = FundingSource.SpecificFund,
            DonorNote = "Different donors, not named in the report; the amount was not stated.",
            WorkArea = "trafficking-in-persons",
            Recipient = Dps,
            Status = FundingStatus.Received,
            ReportedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Note = "In the area of trafficking in persons, funds had been obtained from different donors.",
        };
        yield return new Funding
        {
            RequestId = "seed:gtdot-ii:funding:plan-of-action",
            Source = FundingSource.SpecificFund,
            WorkArea = "plan-of-action-against-toc",
            Recipient = Dps,
            Status = FundingStatus.Sought,
            ReportedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Note = "As regards funds for implementation of the Plan of Action against Transnational Organized Crime, attempts to obtain funds had met with less success.",
        };
        yield return new Funding
        {
            RequestId = "seed:gtdot-ii:funding:firearms",
            Source = FundingSource.SpecificFund,
            WorkArea = "firearms",
            Recipient = Dps,
            Status = FundingStatus.Sought,
            ReportedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Note = "As regards funds for combating illicit trafficking in firearms, attempts to obtain funds had met with less success.",
        };
    }

    private static IEnumerable<Need> Needs()
    {
        yield return HemisphereNeed("police-and-forensic-resources", "The region lacked police and forensic resources.", Secretary);
        yield return HemisphereNeed("victim-and-witness-protection", "The region lacked victim and witness protection mechanisms.", Secretary);
        yield return HemisphereNeed(
            "convention-and-protocols-implementation",
            "Greater efforts in the implementation of the Convention and the protocols thereto: implementation rather than adoption, since in most countries they had been adopted.",
            "United States; Peru; Nicaragua");
    }

    private static Need HemisphereNeed(string area, string description, string raisedBy) => new()
    {
        RequestId = $"seed:gtdot-ii:need:{area}",
        StateCode = null,
        Area = area,
        Description = description,
        Priority = NeedPriority.NotAssessed,
        Status = NeedStatus.Open,
        IdentifiedOn = MeetingDate,
        SourceMeetingId = MeetingId,
        RaisedBy = raisedBy,
        Version = 1,
    };

    private static IEnumerable<CurriculumRequest> Requests()
    {
        yield return new CurriculumRequest
        {
            RequestId = "seed:gtdot-ii:request:bra-workshops-judges-prosecutors",
            StateCode = "BRA",
            Kind = CurriculumRequestKind.CoursesForAudience,
            Audiences = ["judges", "prosecutors"],
            Description = "Brazil asked about workshops for better law enforcement by judges and prosecutors.",
            RequestedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Status = CurriculumRequestStatus.Answered,
            Answer = "The complete curriculum could be made available to them if they so wished.",
            AnsweredOn = MeetingDate,
            Version = 1,
        };
        yield return new CurriculumRequest
        {
            RequestId = "seed:gtdot-ii:request:chl-point-of-contact",
            StateCode = "CHL",
            Kind = CurriculumRequestKind.PointOfContact,
            Description = "Chile requested that a point of contact be indicated for courses offered.",
            RequestedOn = MeetingDate,
            SourceMeetingId = MeetingId,
            Status = CurriculumRequestStatus.Answered,
            Answer = "The countries had primary responsibility for providing information, but there might be improvement and work would be done to continue to improve the report.",
            AnsweredOn = MeetingDate,
            Version = 1,
        };
    }
}
