using Microsoft.EntityFrameworkCore;

namespace TocMesh.Treaty.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresTreatyDbContext(DbContextOptions<PostgresTreatyDbContext> options) : TreatyDbContext(options);
