using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Treaty.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataQualityFindings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<string>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualityFindings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Adopted = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Depositary = table.Column<string>(type: "TEXT", nullable: false),
                    SignatureClosed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntryIntoForce = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntryIntoForceThreshold = table.Column<int>(type: "INTEGER", nullable: true),
                    DaysAfterThreshold = table.Column<int>(type: "INTEGER", nullable: true),
                    DaysAfterLaterDeposit = table.Column<int>(type: "INTEGER", nullable: true),
                    Articles = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Legislation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EnactedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    InForceOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    InstrumentIds = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Legislation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StateLedgers",
                columns: table => new
                {
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateLedgers", x => x.StateCode);
                });

            migrationBuilder.CreateTable(
                name: "StatusStatements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    InstrumentIds = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusStatements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TreatyActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    InstrumentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepositDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Declarations = table.Column<string>(type: "TEXT", nullable: false),
                    Reservations = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawalReason = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatyActions_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatyActionRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatyActionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatyActionRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatyActionRevisions_TreatyActions_TreatyActionId",
                        column: x => x.TreatyActionId,
                        principalTable: "TreatyActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Legislation_RequestId",
                table: "Legislation",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Legislation_StateCode",
                table: "Legislation",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_StatusStatements_RequestId",
                table: "StatusStatements",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusStatements_StateCode",
                table: "StatusStatements",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyActionRevisions_TreatyActionId",
                table: "TreatyActionRevisions",
                column: "TreatyActionId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyActions_ImportKey",
                table: "TreatyActions",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatyActions_InstrumentId",
                table: "TreatyActions",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyActions_RequestId",
                table: "TreatyActions",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatyActions_StateCode_InstrumentId",
                table: "TreatyActions",
                columns: new[] { "StateCode", "InstrumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataQualityFindings");

            migrationBuilder.DropTable(
                name: "Legislation");

            migrationBuilder.DropTable(
                name: "StateLedgers");

            migrationBuilder.DropTable(
                name: "StatusStatements");

            migrationBuilder.DropTable(
                name: "TreatyActionRevisions");

            migrationBuilder.DropTable(
                name: "TreatyActions");

            migrationBuilder.DropTable(
                name: "Instruments");
        }
    }
}
