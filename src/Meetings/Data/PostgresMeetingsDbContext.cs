using Microsoft.EntityFrameworkCore;

namespace TocMesh.Meetings.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresMeetingsDbContext(DbContextOptions<PostgresMeetingsDbContext> options) : MeetingsDbContext(options);
