using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Treaty.Data.Migrations.Sqlite
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
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    InstrumentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AsOfText = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false)
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
