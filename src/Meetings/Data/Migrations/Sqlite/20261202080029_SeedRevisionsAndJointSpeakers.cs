using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TocMesh.Meetings.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "Participant",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SeedRevision",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "JointSpeakers",
                table: "Intervention",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
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
