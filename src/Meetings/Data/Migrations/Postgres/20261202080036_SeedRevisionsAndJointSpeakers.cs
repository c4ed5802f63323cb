using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Meetings.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeedRevisionsAndJointSpeakers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Honorific",
                table: "Participant",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "Participant",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SeedRevision",
                table: "Meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "JointSpeakers",
                table: "Intervention",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Honorific",
                table: "Participant");

            migrationBuilder.DropColumn(
                name: "ShortName",
                table: "Participant");

            migrationBuilder.DropColumn(
                name: "SeedRevision",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "JointSpeakers",
                table: "Intervention");
        }
    }
}
