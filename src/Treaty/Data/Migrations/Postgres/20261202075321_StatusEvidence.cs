using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Treaty.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatusEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusEvidence",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    AsOfText = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusEvidence", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusEvidence_StateCode_InstrumentId",
                table: "StatusEvidence",
                columns: new[] { "StateCode", "InstrumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusEvidence");
        }
    }
}
