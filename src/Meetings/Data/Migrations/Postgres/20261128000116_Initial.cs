using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Meetings.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Symbol = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BaseSymbol = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmendsSymbol = table.Column<string>(type: "text", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: false),
                    MeetingId = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RequestId = table.Column<string>(type: "text", nullable: true),
                    Etag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredBy = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Symbol);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DatePrecisionYearOnly = table.Column<bool>(type: "boolean", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Venue = table.Column<string>(type: "text", nullable: false),
                    MandateSymbol = table.Column<string>(type: "text", nullable: false),
                    MandatePlace = table.Column<string>(type: "text", nullable: false),
                    PreviousMeetingId = table.Column<string>(type: "text", nullable: true),
                    ClosedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ParticipantsDocument = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    WorkProgramSymbol = table.Column<string>(type: "text", nullable: false),
                    AlsoIdentified = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItem",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    SessionOrdinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItem", x => new { x.MeetingId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_AgendaItem_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Election",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    SessionOrdinal = table.Column<int>(type: "integer", nullable: false),
                    Office = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nominee = table.Column<string>(type: "text", nullable: false),
                    NomineeStateCode = table.Column<string>(type: "text", nullable: false),
                    NominatedBy = table.Column<string>(type: "text", nullable: false),
                    SecondedBy = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VotesFor = table.Column<int>(type: "integer", nullable: false),
                    ElectedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Election", x => new { x.MeetingId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_Election_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Addressee = table.Column<string>(type: "text", nullable: false),
                    SessionOrdinal = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Etag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => new { x.MeetingId, x.Id });
                    table.ForeignKey(
                        name: "FK_FollowUps_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intervention",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    SessionOrdinal = table.Column<int>(type: "integer", nullable: false),
                    Speaker = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    InstrumentIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Legislation = table.Column<List<string>>(type: "text[]", nullable: false),
                    ComponentNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    ComponentStance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentSymbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    Supports = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intervention", x => new { x.MeetingId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_Intervention_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participant",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StateCode = table.Column<string>(type: "text", nullable: true),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    Organization = table.Column<string>(type: "text", nullable: false),
                    Person = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Roles = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participant", x => new { x.MeetingId, x.Id });
                    table.ForeignKey(
                        name: "FK_Participant_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposal",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    ProposedBy = table.Column<List<string>>(type: "text[]", nullable: false),
                    SupportedBy = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Interventions = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposal", x => new { x.MeetingId, x.Id });
                    table.ForeignKey(
                        name: "FK_Proposal_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Session",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Session", x => new { x.MeetingId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_Session_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkProgramComponent",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(40)", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    DocumentSymbol = table.Column<string>(type: "text", nullable: false),
                    ConsideredWith = table.Column<List<string>>(type: "text[]", nullable: false),
                    Identified = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkProgramComponent", x => new { x.MeetingId, x.Number });
                    table.ForeignKey(
                        name: "FK_WorkProgramComponent_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BaseSymbol",
                table: "Documents",
                column: "BaseSymbol");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_MeetingId",
                table: "Documents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_RequestId",
                table: "Documents",
                column: "RequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItem");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Election");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Intervention");

            migrationBuilder.DropTable(
                name: "Participant");

            migrationBuilder.DropTable(
                name: "Proposal");

            migrationBuilder.DropTable(
                name: "Session");

            migrationBuilder.DropTable(
                name: "WorkProgramComponent");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
