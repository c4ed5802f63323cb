using System.Diagnostics;
using System.Net;
using Grpc.Core;
using TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Tests;

/// <summary>The report of the second meeting, rebuilt from the records and from real Treaty, Directory and TechnicalCooperation services.</summary>
public sealed class SeedReportTests(MeshFixture mesh) : IClassFixture<MeshFixture>
{
    /// <summary>Every fact of the seed report, in its order, as the rebuilt report must carry it.</summary>
    public static readonly string[] SeedFacts =
    [
        // Opening
        "Second Meeting of the OAS Technical Group on Transnational Organized Crime opened on October 7, 2009",
        "Chair of the Committee on Hemispheric Security, Ambassador Graeme Clark",
        "Meeting of Ministers of Justice or Other Ministers or Attorneys General of the Americas (REMJA)",
        "Meeting of Ministers Responsible for Public Security in the Americas (MISPA)",
        "quality of democracy in the region and the transnational nature of organized crime, which called for a common approach",
        "Ambassador Alexander Addor-Neto, OAS Secretary for Multidimensional Security",
        "resolution AG/RES. 2490 (XXXIX-O/09)",
        "regular session of the OAS General Assembly (2009), in San Pedro Sula",
        "First Meeting of the OAS Technical Group on Transnational Organized Crime, held in 2007, in Mexico City",
        "drugs, porous borders, ease of firearms acquisition, and corruption",
        "police and forensic resources, as well as victim and witness protection mechanisms",
        "poor response from countries with regard to both representation and presentation of reports",
        "specific activities would be identified from which the SG/OAS could profit",
        // Officers
        "Mexico nominated the Alternate Representative of Trinidad and Tobago, Roland Maunday, as Chair of the meeting; Jamaica seconded the motion",
        "elected by acclamation",
        "Canada nominated the Vice Minister of Community Support of the Ministry of Interior of Guatemala, Francisco René Cuevas Tallardo, as Vice Chair",
        "Paraguay seconded the motion",
        "by acclamation by the plenary",
        // Documents and the status of ratifications (Treaty's sentences)
        "adopt the agenda (GT/DOT-II/doc.2/08 rev. 1)",
        "status of ratifications of the Palermo Convention and the protocols thereto (GT/DOT-II/doc.5/09 corr. 1)",
        "Twenty-nine OAS member states had ratified or acceded to the Convention.",
        "Twenty-eight member states had ratified or acceded to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.",
        "Twenty-six member states had ratified or acceded to the Protocol against the Smuggling of Migrants by Land, Sea and Air",
        "ineteen member states had ratified or acceded to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition.",
        "Directory of National Points of Contact (GT/DOT-II/doc.9/09)",
        // Points of contact (Directory's change requests) and the discussion
        "Mexico (national point of contact)", "Peru (national point of contact)", "Paraguay (national point of contact)",
        "Colombia (national point of contact)", "Guatemala (national point of contact)", "Costa Rica (national point of contact)",
        "Saint Kitts and Nevis (national point of contact)",
        "greater efforts should be made in the area of implementation of the Convention",
        "important for all member states to undertake to inform the General Secretariat of the points of contact",
        "directory of points of contact in the mutual legal assistance area",
        "inform the United Nations Office on Drugs and Crime (UNODC) of the directory of national authorities in order to avoid duplication of effort",
        "Peru supported the creation of a directory in the mutual legal assistance area",
        "Nicaragua supported the creation of a directory in the mutual legal assistance area",
        "Uruguay emphasized the General Secretariat’s role in keeping the contact points updated",
        "Uruguay supported the United States’ proposal to inform the UNODC",
        // Third plenary session
        "Third plenary session",
        "modest progress had been made in combating transnational organized crime, emphasizing that it was the main threat to its country",
        "on June 18, 2008, constitutional amendments in the criminal justice area had entered into force, moving from a written to a completely oral system",
        "a law against trafficking in persons had been enacted",
        "IV CIFTA conference had been held, where the Tlatelolco Commitment had been adopted",
        "information forms requested in the framework of the Palermo Convention",
        "first laboratory for the analysis of migration documents",
        "Costa Rica reported the enactment of the Law against Organized Crime, which created a police information exchange platform, extended the time bar on criminal investigations, lifted bank secrecy, expanded the list of crimes where wiretapping was allowed, and imposed sanctions on sexual exploitation and pornography offenses",
        "work had just begun to implement the law and allocate resources thereto",
        "Ecuador mentioned that it was a signatory to the Palermo Convention and had ratified two of its three protocols",
        "the National Assembly would approve its accession to the Protocol against the Illicit Manufacturing",
        "forward the points of contact information to the General Secretariat in the next few days",
        "Guatemala emphasized that 30 days prior, it had adopted a law protecting judges working on organized crime cases, as well as a witness protection law",
        "Nicaragua indicated that in 2008, the penal code had been amended",
        "moving to an accusatory criminal system",
        "discussions were under way on an organized crime law",
        "world’s only region with an action plan for implementation of the Palermo Convention",
        // Fourth session
        "Fourth plenary session, on “institutional capacity building”",
        "Christopher Hernández-Roy, Director of the OAS Department of Public Security (DPS)",
        "actions carried out by the General Secretariat to build member state capacities to combat transnational organized crime",
        "Alison August-Treppel, Chief, Section on Transnational Organized Crime, DSP",
        "diagnostic assessment of technical cooperation needs (GT/DOT-II/doc.6/09 corr. 1)",
        "“toolkit” (inventory of courses and workshops) (GT/DOT-II/doc.7/09 corr. 1)",
        "Uruguay asked the General Secretariat about the shortage of funds for the implementation of activities",
        "Brazil asked about workshops for better law enforcement by judges and prosecutors",
        "Chile requested that a point of contact be indicated for courses offered",
        "UNODC document to achieve better collaboration",
        "symposium on organized crime and trans-Pacific cooperation",
        "regular budget was USD$92,000.00",
        "in the area of trafficking in persons, funds had been obtained from different donors",
        "Plan of Action against Transnational Organized Crime, or combating illicit trafficking in firearms, attempts to obtain funds had met with less success",
        "the complete curriculum could be made available to them if they so wished",
        "the countries had primary responsibility for providing information",
        // Fifth session and the work program
        "Fifth and final plenary session, whose purpose was to consider and approve work program components",
        "duplication of effort with other international forums be avoided",
        "practical proposal for program implementation",
        "Peru supported Mexico’s view",
        "No. 2 of the Actions section",
        "“Establishment of mechanisms to promote cooperation and information exchange”",
        "“Encourage designation by the member states of national points of contact with the Technical Group and appointment of their officials”",
        "“Invite to GTDOT meetings, as observers, the international agencies working to combat organized crime, such as UNODC and INTERPOL, so as to strengthen inter-institutional ties”",
        "multisectoral mechanisms in each member state",
        "implementation of the Convention and the protocols thereto, rather than their adoption, since in most countries they had now been adopted",
        "coordinated with REMJA, which had now made progress in this area",
        "rather than create a web portal for the Working Group, one be created within the web page of the General Secretariat itself",
        "Mexico supported those proposals",
        "UNODC was developing a compendium of national legislation",
        "emphasizing components 2.2, 2.4 – in conjunction with component 2.5; 3.2, 3.5, 4.1, 4.2, and 4.3",
        "Draft Elements of the Work Program of the Technical Group on Transnational Organized Crime” (CP/CSH-1018/08)",
        "the incorporation of the list of mutual legal assistance authorities and a legislative comparison of the countries of the Hemisphere",
        "a list of central authorities existed in the mutual legal assistance area, pursuant to the provisions of the OAS convention on mutual legal assistance in criminal matters",
        "the list of central authorities differed from the authorities mentioned in the Palermo Convention, so that a list thereof needed to be developed",
        "with regard to component 4.1 of document CP/CSH-1018/08 and in line with Peru’s earlier comments",
        "implementation, rather than ratification or accession to the Convention and its protocols",
        "component 4.1 did not refer solely to the Convention and its protocols, but also to the other 10 documents included in the Work Plan",
        "consideration be given to Argentina’s proposal to hold only one meeting of the Working Group per year",
        "Argentina reiterated the proposal and requested information on the list of conventions and treaties included in the Plan of Action adopted by the OAS Permanent Council",
        "Hold only one meeting of the Working Group per year: proposed by Argentina, supported by the United States",
        "Create the web portal of the Working Group within the web page of the General Secretariat itself, rather than a new one: proposed by Ecuador, supported by Mexico",
        "The Technical Secretariat decided to distribute a document summarizing the components identified by the member states for their subsequent consideration by the Committee on Hemispheric Security",
        // Participants and closing
        "The list of participants was distributed as document GT/DOT-II/doc.10/09.",
        "There being no other business, at 1:30 p.m., the meeting was declared closed.",
    ];

    [Fact]
    public async Task The_rebuilt_report_of_the_second_meeting_carries_every_fact_of_the_seed_report()
    {
        var report = await mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal("text/markdown", report.ContentType);
        Assert.Empty(report.PartialSections);
        var missing = SeedFacts.Where(f => !report.Content.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "missing from the report:\n" + string.Join("\n", missing));
        Assert.Equal(
            ["opening", "officers", "documents", "status-of-ratifications", "points-of-contact", "needs-assessment", "toolkit", "proceedings", "work-program", "participants", "closing"],
            report.Sections.Select(s => s.Id));
    }

    [Fact]
    public async Task The_html_and_text_reports_carry_the_same_facts()
    {
        var html = await mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = ReportFormat.Html });
        var text = await mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii", Format = ReportFormat.Text });

        var decoded = WebUtility.HtmlDecode(html.Content);
        Assert.StartsWith("<!DOCTYPE html>", html.Content);
        Assert.All(SeedFacts, f => Assert.Contains(f, decoded, StringComparison.Ordinal));
        Assert.All(SeedFacts, f => Assert.Contains(f, text.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ratification_figures_are_the_treaty_services_as_of_the_meeting_date()
    {
        var report = await mesh.Host.Meetings().RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" });

        // The same question put to Treaty directly gives the sentences the report carries.
        var treaty = mesh.Treaty.Client<Treaty.V1.TreatyService.TreatyServiceClient>();
        var direct = await treaty.GetRatificationReportAsync(new Treaty.V1.GetRatificationReportRequest
        {
            AsOf = new Google.Type.Date { Year = 2009, Month = 10, Day = 7 },
            InstrumentIds = { "untoc", "untoc-tip", "untoc-som", "untoc-firearms" },
        });
        Assert.Equal(4, direct.Tallies.Count);
        Assert.All(direct.Tallies, t => Assert.Contains(t.Sentence, report.Content));
        Assert.DoesNotContain("Twenty-nine", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "meetings.json")));
    }

    [Fact]
    public async Task One_trace_of_the_report_shows_the_calls_to_the_three_services()
    {
        // The partner's call is part of a trace of its own (the hosts of other tests trace at the
        // same time); the trace travels with the call whether or not this process traces its calls.
        var traceId = ActivityTraceId.CreateRandom();
        using (var partnerCall = new Activity("partner call").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            await mesh.Host.Meetings().RenderMeetingReportAsync(
                new RenderMeetingReportRequest { MeetingId = "gtdot-ii" }, new Metadata { { "traceparent", partnerCall.Id! } });
        }

        var sameTrace = mesh.Spans.Snapshot().Where(s => s.TraceId == traceId).Select(s => s.DisplayName).ToList();
        Assert.Contains("RenderMeetingReport", sameTrace);
        Assert.Contains(sameTrace, n => n.Contains("TreatyService/GetRatificationReport", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("DirectoryService/ListChangeRequests", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("TechnicalCooperationService/ListCourses", StringComparison.Ordinal));
        Assert.Contains(sameTrace, n => n.Contains("TechnicalCooperationService/GetNeedsAssessment", StringComparison.Ordinal));
    }
}
