using Microsoft.EntityFrameworkCore;

namespace TocMesh.Meetings.Data;

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMeetingsDbContext(DbContextOptions<SqliteMeetingsDbContext> options) : MeetingsDbContext(options);
