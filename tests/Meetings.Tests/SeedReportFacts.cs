namespace TocMesh.Meetings.Tests;

/// <summary>
/// Every fact of the report of the second meeting (shared/seed/gtdot-ii-meeting-report.txt), sentence
/// by sentence in the seed's order, as the rebuilt report must carry it: the same names, titles,
/// numbers, dates, times and symbols; delegations named together in alphabetical order.
/// </summary>
public static class SeedReportFacts
{
    public static readonly string[] All =
    [
        // The opening remarks
        "Second Meeting of the OAS Technical Group on Transnational Organized Crime opened on October 7, 2009 with remarks by the Chair of the Committee on Hemispheric Security, Ambassador Graeme Clark",
        "emphasized the importance of this meeting in the context of the Meeting of Ministers of Justice or Other Ministers or Attorneys General of the Americas (REMJA) and the Meeting of Ministers Responsible for Public Security in the Americas (MISPA)",
        "with regard to the quality of democracy in the region and the transnational nature of organized crime, which called for a common approach",
        "Ambassador Alexander Addor-Neto, OAS Secretary for Multidimensional Security, emphasized that this Second Meeting had arisen from resolution AG/RES. 2490 (XXXIX-O/09) of the last regular session of the OAS General Assembly, in San Pedro Sula",
        "following on from the First Meeting, held in 2007, in Mexico City",
        "drugs, porous borders, ease of firearms acquisition, and corruption were factors facilitating transnational organized crime in the Hemisphere",
        "lacked police and forensic resources, as well as victim and witness protection mechanisms",
        "difficulties had been encountered in holding this meeting as a result of poor response from countries with regard to both representation and presentation of reports",
        "it was hoped that specific activities would be identified from which the SG/OAS could profit, for their subsequent implementation",
        // The election of officers
        "After these introductory remarks, the meeting took up the first agenda item, election of officers.",
        "Mexico nominated the Alternate Representative of Trinidad and Tobago, Mr. Roland Maunday, as Chair of the meeting",
        "Jamaica seconded the motion, and the Representative of Trinidad and Tobago was elected by acclamation.",
        "Canada nominated the Vice Minister of Community Support of the Ministry of Interior of Guatemala, Mr. Francisco René Cuevas Tallardo, as Vice Chair",
        "Paraguay seconded the motion, and the Representative of Guatemala was elected by acclamation by the plenary.",
        // The agenda, the status of ratifications and the Directory
        "adopted the agenda (GT/DOT-II/doc.2/08 rev. 1)",
        "OAS General Secretariat presented the status of ratifications of the Palermo Convention and the protocols thereto (GT/DOT-II/doc.5/09 corr. 1)",
        "Twenty-nine OAS member states had ratified or acceded to the Convention.",
        "Twenty-eight member states had ratified or acceded to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.",
        "Twenty-six member states had ratified or acceded to the Protocol against the Smuggling of Migrants by Land, Sea and Air",
        "nineteen member states had ratified or acceded to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition.",
        "presented the Directory of National Points of Contact, containing those thus far reported to the General Secretariat by the OAS member states (GT/DOT-II/doc.9/09)",
        "The representatives of Colombia, Costa Rica, Guatemala, Mexico, Paraguay, Peru, and Saint Kitts and Nevis reported changes to their countries’ points of contact and undertook to inform the General Secretariat of the new points of contact.",
        // The discussion that followed
        "The United States indicated that greater efforts should be made in the area of implementation of the Convention.",
        "emphasized that it was important for all member states to undertake to inform the General Secretariat of the points of contact",
        "mentioned the possibility of creating a directory of points of contact in the mutual legal assistance area",
        "the need to inform the United Nations Office on Drugs and Crime (UNODC) of the directory of national authorities in order to avoid duplication of effort",
        "Nicaragua and Peru supported the creation of a directory in the mutual legal assistance area.",
        "Uruguay emphasized the General Secretariat’s role in keeping the contact points updated",
        "supported the United States’ proposal to inform the UNODC of the Hemisphere’s points of contact in the mutual legal assistance area",
        // The third plenary session
        "At the third plenary session, Mexico reported that in its view, modest progress had been made in combating transnational organized crime, emphasizing that it was the main threat to its country.",
        "on June 18, 2008, constitutional amendments in the criminal justice area had entered into force, moving from a written to a completely oral system",
        "in 2008, a law against trafficking in persons had been enacted, implementing the protocol to the Palermo Convention against trafficking in persons, and work was now being done to create a national program in this area",
        "on February 20 and 21, the IV CIFTA conference had been held, where the Tlatelolco Commitment had been adopted",
        "made available to the OAS the information forms requested in the framework of the Palermo Convention",
        "pointed to the creation of the first laboratory for the analysis of migration documents",
        "Costa Rica reported the enactment of the Law against Organized Crime, which created a police information exchange platform, extended the time bar on criminal investigations, lifted bank secrecy, expanded the list of crimes where wiretapping was allowed, and imposed sanctions on sexual exploitation and pornography offenses, and others",
        "work had just begun to implement the law and allocate resources thereto",
        "Ecuador mentioned that it was a signatory to the Palermo Convention and had ratified two of its three protocols",
        "hoped that in the coming weeks, the National Assembly would approve its accession to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition",
        "reported that it hoped to forward the points of contact information to the General Secretariat in the next few days",
        "Guatemala emphasized that 30 days prior, it had adopted a law protecting judges working on organized crime cases, as well as a witness protection law.",
        "Nicaragua indicated that in 2008, the penal code had been amended, incorporating new anti-organized crime provisions and modifying the penal system, moving to an accusatory criminal system",
        "reported that discussions were under way on an organized crime law",
        "Mexico emphasized that the Hemisphere was the world’s only region with an action plan for implementation of the Palermo Convention, and urged the OAS member states to coordinate and implement the policies adopted in the action plan.",
        // The fourth session
        "At the fourth plenary session, on “institutional capacity building,” Mr. Christopher Hernández-Roy, Director of the OAS Department of Public Security (DPS), presented the actions carried out by the General Secretariat to build member state capacities to combat transnational organized crime.",
        "Ms. Alison August-Treppel, Chief, Section on Transnational Organized Crime, DSP, presented a diagnostic assessment of technical cooperation needs (GT/DOT-II/doc.6/09 corr. 1).",
        "presented the technical cooperation “toolkit” (inventory of courses and workshops) (GT/DOT-II/doc.7/09 corr. 1).",
        "Uruguay asked the General Secretariat about the shortage of funds for the implementation of activities.",
        "Brazil asked about workshops for better law enforcement by judges and prosecutors.",
        "Chile requested that a point of contact be indicated for courses offered.",
        "The United States requested information regarding a UNODC document to achieve better collaboration and indicated that it was holding a symposium on organized crime and trans-Pacific cooperation.",
        "The General Secretariat answered that the DPS’s regular budget was USD$92,000.00, but that it had obtained different types of specific funds for different DPS work areas",
        "in the area of trafficking in persons, funds had been obtained from different donors, but, as regards funds for implementation of the Plan of Action against Transnational Organized Crime, or combating illicit trafficking in firearms, attempts to obtain funds had met with less success",
        "in response to the request for information on workshops for better law enforcement by judges and prosecutors, that the complete curriculum could be made available to them if they so wished",
        "as regards the points of contact, that the countries had primary responsibility for providing information, but there might be improvement and work would be done to continue to improve the report",
        // The fifth and final session
        "At the fifth and final plenary session, whose purpose was to consider and approve work program components, Mexico requested that duplication of effort with other international forums be avoided and that efforts be made to identify a practical proposal for program implementation.",
        "Peru supported Mexico’s view.",
        "The United States emphasized points that would enable actions to be coordinated with the UNODC",
        "No. 2 of the Actions section of the draft work program, “Establishment of mechanisms to promote cooperation and information exchange,”",
        "4.2, “Encourage designation by the member states of national points of contact with the Technical Group and appointment of their officials,”",
        "4.3, “Invite to GTDOT meetings, as observers, the international agencies working to combat organized crime, such as UNODC and INTERPOL, so as to strengthen inter-institutional ties.”",
        "Peru emphasized the need to promote multisectoral mechanisms in each member state for linkage of the fight against transnational organized crime.",
        "the need to consider inclusion in the document of promotion of the implementation of the Convention and the protocols thereto, rather than their adoption, since in most countries they had now been adopted",
        "with regard to systematization of measures to identify common points, that this should be coordinated with REMJA, which had now made progress in this area",
        "Ecuador also considered it important to avoid duplication of effort and proposed that, rather than create a web portal for the Working Group, one be created within the web page of the General Secretariat itself.",
        "Mexico supported those proposals.",
        "The United States commented that the UNODC was developing a compendium of national legislation, and emphasized the need for coordination of actions with it.",
        "The General Secretariat summarized the main components identified by the member states in the discussions of that afternoon, emphasizing components 2.2, 2.4 – in conjunction with component 2.5; 3.2, 3.5, 4.1, 4.2, and 4.3 of the “Draft Elements of the Work Program of the Technical Group on Transnational Organized Crime” (CP/CSH-1018/08), as well as the incorporation of the list of mutual legal assistance authorities and a legislative comparison of the countries of the Hemisphere.",
        "It was then mentioned that a list of central authorities existed in the mutual legal assistance area, pursuant to the provisions of the OAS convention on mutual legal assistance in criminal matters.",
        "Nicaragua emphasized that the list of central authorities differed from the authorities mentioned in the Palermo Convention, so that a list thereof needed to be developed.",
        "with regard to component 4.1 of document CP/CSH-1018/08 and in line with Peru’s earlier comments, that what should be promoted was implementation, rather than ratification or accession to the Convention and its protocols",
        "noted that component 4.1 did not refer solely to the Convention and its protocols, but also to the other 10 documents included in the Work Plan.",
        "The United States requested that consideration be given to Argentina’s proposal to hold only one meeting of the Working Group per year.",
        "Argentina reiterated the proposal and requested information on the list of conventions and treaties included in the Plan of Action adopted by the OAS Permanent Council.",
        "The Technical Secretariat decided to distribute a document summarizing the components identified by the member states for their subsequent consideration by the Committee on Hemispheric Security.",
        // The close
        "The list of participants was distributed as document GT/DOT-II/doc.10/09.",
        "There being no other business, at 1:30 p.m., the meeting was declared closed.",
    ];
}
